package org.headwater.pipeline.storage;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for tests: S3Proxy with jclouds' filesystem backend, in its own JVM (its
 * Jetty 11 cannot share the test JVM with Fuseki's Jetty 12; see testservers/pom.xml), on a free
 * loopback port, requiring AWS signatures with a random identity and secret.
 */
public final class S3ProxyProcess implements AutoCloseable {
  public final String identity = "hw-test-" + UUID.randomUUID().toString().substring(0, 8);
  public final String secret = "S3CR3T" + UUID.randomUUID().toString().replace("-", "");
  private final Process process;
  private final int port;

  public S3ProxyProcess(Path dir) throws IOException {
    String cp;
    try (InputStream in = S3ProxyProcess.class.getResourceAsStream("/org/headwater/testservers/s3proxy.classpath")) {
      if (in == null) {
        throw new IllegalStateException("s3proxy.classpath is not on the test class path (module testservers)");
      }
      cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    String launcher;
    try {
      Class<?> main = Class.forName("org.headwater.testservers.S3ProxyServer", false, S3ProxyProcess.class.getClassLoader());
      launcher = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (ClassNotFoundException | java.net.URISyntaxException e) {
      throw new IllegalStateException("the testservers module is not on the test class path", e);
    }
    Path data = Files.createDirectories(dir.resolve("s3proxy-data"));
    Path log = dir.resolve("s3proxy.log");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(List.of(javaBin, "-Xmx256m", "-cp", launcher + File.pathSeparator + cp,
                "org.headwater.testservers.S3ProxyServer", data.toString(), identity, secret))
            .redirectError(log.toFile())
            .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    int found = -1;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("S3PROXY_PORT=")) {
        found = Integer.parseInt(line.substring("S3PROXY_PORT=".length()));
        break;
      }
    }
    if (found < 0) {
      process.destroyForcibly();
      throw new IllegalStateException("S3Proxy did not start; see " + log + ":\n" + Files.readString(log));
    }
    port = found;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** A plain SDK client with the server's credentials: the tests' independent reader and writer. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, secret)))
        .build();
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close(); // the server stops when its input ends
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
