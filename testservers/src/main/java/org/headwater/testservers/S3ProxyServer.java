package org.headwater.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * Starts S3Proxy (a real S3 API server) with jclouds' {@code filesystem} backend on a free loopback
 * port, prints {@code S3PROXY_PORT=<port>} and serves until its standard input closes, so it never
 * outlives the test that started it.
 *
 * <p>Arguments: {@code BASEDIR IDENTITY CREDENTIAL}. Requests must be signed (AWS signature v2 or
 * v4) with that identity and credential, as S3Proxy's {@code s3proxy.authorization=aws-v2-or-v4}
 * does.
 */
public final class S3ProxyServer {
  private S3ProxyServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: S3ProxyServer BASEDIR IDENTITY CREDENTIAL");
    }
    Properties overrides = new Properties();
    overrides.setProperty("jclouds.filesystem.basedir", args[0]);
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem").overrides(overrides).build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[1], args[2])
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    System.out.println("S3PROXY_PORT=" + proxy.getPort());
    System.out.flush();
    waitForEndOfInput(System.in);
    proxy.stop();
    context.close();
  }

  private static void waitForEndOfInput(InputStream in) throws IOException {
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // the parent keeps the pipe open while it needs the server
    }
  }
}
