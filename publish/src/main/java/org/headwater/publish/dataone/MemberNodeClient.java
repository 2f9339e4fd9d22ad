package org.headwater.publish.dataone;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.headwater.publish.PublishException;
import org.headwater.publish.internal.XmlIn;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * A DataONE Member Node v2 client over OkHttp, e.g. for the Arctic Data Center ({@code
 * https://arcticdata.io/metacat/d1/mn}, test node {@code https://test.arcticdata.io/metacat/d1/mn}).
 *
 * <pre>{@code
 * try (MemberNode node = MemberNodeClient.builder("https://test.arcticdata.io/metacat/d1/mn")
 *     .token(AuthToken.resolve(tokenFile, System.getenv())).build()) {
 *   node.create(pid, sysmeta, file);
 * }
 * }</pre>
 *
 * <p>PIDs are URL-encoded as one path segment. Objects stream from disk as the last multipart part,
 * after {@code pid} and {@code sysmeta}. 5xx answers (except 501), timeouts and dropped connections
 * are retried with exponential backoff; a retried create that the node had already stored comes
 * back as {@link DataOneException.IdentifierNotUnique}, which the caller resolves by checksum.
 */
public final class MemberNodeClient implements MemberNode {
  private static final Logger LOG = LoggerFactory.getLogger(MemberNodeClient.class);
  private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");
  private static final MediaType OCTETS = MediaType.get("application/octet-stream");

  private final HttpUrl base;
  private final Http http;
  private final String resolveBase;

  private MemberNodeClient(Builder b) {
    this.base = b.url;
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(b.connectTimeout)
            .readTimeout(b.readTimeout)
            .writeTimeout(b.writeTimeout)
            .retryOnConnectionFailure(false)
            .build();
    this.http = new Http(client, b.token, b.maxAttempts, b.backoff);
    this.resolveBase = b.resolveBase != null ? b.resolveBase : defaultResolveBase(b.url);
  }

  /** Starts a client for a node base URL (the client appends {@code /v2/...}). */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  @Override
  public void ping() {
    http.call(get(url("monitor", "ping")), null);
  }

  @Override
  public NodeInfo node() {
    Element root = XmlIn.parse(http.call(get(url("node")), null).body()).getDocumentElement();
    return new NodeInfo(
        XmlIn.childText(root, "identifier"),
        XmlIn.childText(root, "name"),
        XmlIn.childText(root, "baseURL"));
  }

  @Override
  public boolean isAuthorized(Pid pid, String action) {
    HttpUrl u = url("isAuthorized", pid.value()).newBuilder().addQueryParameter("action", action).build();
    http.call(get(u), pid.value());
    return true;
  }

  @Override
  public Pid generate(String scheme) {
    RequestBody form =
        new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("scheme", scheme).build();
    byte[] body = http.call(new Request.Builder().url(url("generate")).post(form).build(), null).body();
    return Pid.of(XmlIn.parse(body).getDocumentElement().getTextContent().strip());
  }

  @Override
  public void create(Pid pid, SystemMetadata sysmeta, Path file) {
    RequestBody body = objectForm("pid", pid, sysmeta, file);
    LOG.info("Uploading {} ({} bytes) to {}", pid, sysmeta.size(), base);
    requireEcho(pid, http.call(new Request.Builder().url(url("object")).post(body).build(), pid.value()).body());
    LOG.info("Uploaded {}", pid);
  }

  @Override
  public void update(Pid old, Pid newPid, SystemMetadata sysmeta, Path file) {
    RequestBody body = objectForm("newPid", newPid, sysmeta, file);
    LOG.info("Uploading {} as the new version of {} to {}", newPid, old, base);
    Request req = new Request.Builder().url(url("object", old.value())).put(body).build();
    requireEcho(newPid, http.call(req, newPid.value()).body());
    LOG.info("Uploaded {}", newPid);
  }

  /** The multipart form of MNStorage.create and update: the new PID, its system metadata, the bytes. */
  private static RequestBody objectForm(String pidField, Pid pid, SystemMetadata sysmeta, Path file) {
    return new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart(pidField, pid.value())
        .addFormDataPart("sysmeta", "sysmeta.xml", RequestBody.create(SystemMetadataXml.write(sysmeta), XML))
        .addFormDataPart("object", fileName(sysmeta, file), fileBody(file))
        .build();
  }

  @Override
  public ObjectDescription describe(Pid pid) {
    Http.Reply r = http.call(new Request.Builder().url(url("object", pid.value())).head().build(), pid.value());
    String cs = r.headers().get("DataONE-Checksum");
    Checksum checksum = null;
    if (cs != null && cs.contains(",")) {
      checksum = new Checksum(cs.substring(0, cs.indexOf(',')).strip(), cs.substring(cs.indexOf(',') + 1));
    }
    String len = r.headers().get("Content-Length");
    // The DataONE v2 API documents DataONE-formatId; Metacat (MNResourceHandler.describeObject)
    // writes DataONE-ObjectFormat. Either is read.
    String format = r.headers().get("DataONE-ObjectFormat");
    return new ObjectDescription(
        pid,
        format != null ? format : r.headers().get("DataONE-formatId"),
        len == null ? -1 : Long.parseLong(len.strip()),
        checksum);
  }

  @Override
  public SystemMetadata getSystemMetadata(Pid pid) {
    return SystemMetadataXml.read(http.call(get(url("meta", pid.value())), pid.value()).body());
  }

  @Override
  public Checksum getChecksum(Pid pid, String algorithm) {
    HttpUrl u = url("checksum", pid.value()).newBuilder().addQueryParameter("checksumAlgorithm", algorithm).build();
    Element root = XmlIn.parse(http.call(get(u), pid.value()).body()).getDocumentElement();
    return new Checksum(root.getAttribute("algorithm"), root.getTextContent());
  }

  @Override
  public byte[] get(Pid pid, long maxBytes) {
    return http.call(get(url("object", pid.value())), pid.value(), maxBytes).body();
  }

  @Override
  public void archive(Pid pid) {
    http.call(new Request.Builder().url(url("archive", pid.value())).put(RequestBody.create(new byte[0], null)).build(), pid.value());
  }

  @Override
  public String resolveUrl(Pid pid) {
    return resolveBase + URLEncoder.encode(pid.value(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String label() {
    return base.toString();
  }

  @Override
  public void close() {
    http.close();
  }

  private HttpUrl url(String... segments) {
    HttpUrl.Builder b = base.newBuilder().addPathSegment("v2");
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b.build();
  }

  private static Request get(HttpUrl u) {
    return new Request.Builder().url(u).get().build();
  }

  private static void requireEcho(Pid expected, byte[] body) {
    if (body.length == 0) {
      return;
    }
    String echoed = XmlIn.parse(body).getDocumentElement().getTextContent().strip();
    if (!expected.value().equals(echoed)) {
      throw new PublishException(
          "node answered identifier '" + echoed + "' for an upload of " + expected);
    }
  }

  private static String fileName(SystemMetadata sm, Path file) {
    return sm.fileName() != null ? sm.fileName() : file.getFileName().toString();
  }

  /** Streams the file from disk on each (re)send; never holds it in memory. */
  static RequestBody fileBody(Path file) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return OCTETS;
      }

      @Override
      public long contentLength() throws IOException {
        return Files.size(file);
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        // Large reads into one reused buffer: fewer syscalls and copies than an 8 KiB Okio source.
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          while (ch.read(buf) >= 0) {
            buf.flip();
            while (buf.hasRemaining()) {
              sink.write(buf);
            }
            buf.clear();
          }
        }
      }
    };
  }

  private static String defaultResolveBase(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    if (Http.isLoopback(host)) {
      return url.newBuilder().addPathSegment("v2").addPathSegment("object").build() + "/";
    }
    if (host.startsWith("test.") || host.startsWith("dev.") || host.contains(".test.")) {
      return "https://cn-stage.test.dataone.org/cn/v2/resolve/";
    }
    return "https://cn.dataone.org/cn/v2/resolve/";
  }

  /** Configures a {@link MemberNodeClient}; every setting has a working default. */
  public static final class Builder {
    private final HttpUrl url;
    private AuthToken token;
    private boolean insecure;
    private int maxAttempts = 5;
    private Duration backoff = Duration.ofMillis(500);
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration readTimeout = Duration.ofSeconds(120);
    private Duration writeTimeout = Duration.ofSeconds(120);
    private String resolveBase;

    private Builder(String baseUrl) {
      HttpUrl u = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      if (u == null) {
        throw new IllegalArgumentException("node must be an http(s) URL or local:DIR, got '" + baseUrl + "'");
      }
      this.url = u;
    }

    /** The token sent as {@code Authorization: Bearer}; null (default) sends none. */
    public Builder token(AuthToken token) {
      this.token = token;
      return this;
    }

    /** Allow plain {@code http://} to a non-loopback host. Default false: such URLs are refused. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** Attempts per call, including the first; default 5, at least 1. */
    public Builder maxAttempts(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + n);
      }
      this.maxAttempts = n;
      return this;
    }

    /** First retry delay, doubled per attempt (capped at 30 s); default 500 ms. */
    public Builder backoff(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("backoff < 0: " + d);
      }
      this.backoff = d;
      return this;
    }

    /** Connect, read and write timeouts; defaults 20 s, 120 s, 120 s. */
    public Builder timeouts(Duration connect, Duration read, Duration write) {
      this.connectTimeout = connect;
      this.readTimeout = read;
      this.writeTimeout = write;
      return this;
    }

    /** Base of resolve URLs; default DataONE's CN (stage CN for test nodes). */
    public Builder resolveBase(String base) {
      this.resolveBase = base;
      return this;
    }

    public MemberNodeClient build() {
      if (!url.isHttps() && !insecure && !Http.isLoopback(url.host())) {
        throw new IllegalArgumentException(
            "refusing plain http:// to " + url.host() + ": the token would travel unencrypted; use"
                + " https:// or pass --insecure");
      }
      return new MemberNodeClient(this);
    }
  }
}
