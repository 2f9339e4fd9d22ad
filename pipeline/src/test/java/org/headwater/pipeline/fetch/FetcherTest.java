package org.headwater.pipeline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.headwater.pipeline.internal.Hashing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
  @TempDir Path tmp;
  private MockWebServer server;
  private Fetcher fetcher;
  private static final byte[] BODY = "netcdf bytes, or so".getBytes();
  private static final String SHA = Hashing.sha256Hex(BODY);

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    fetcher = fetcher(FetchOptions.defaults(tmp.resolve("cache").toString()));
  }

  private static Fetcher fetcher(FetchOptions o) {
    return new Fetcher(
        o.withRetries(4, Duration.ofMillis(10)).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.shutdown();
    server.shutdown();
  }

  private String url() {
    return server.url("/data/a.nc").toString();
  }

  private static MockResponse ok() {
    return new MockResponse().setBody(new Buffer().write(BODY)).setHeader("ETag", "\"v1\"");
  }

  @Test
  void downloadsHashesAndCachesByContent() throws Exception {
    server.enqueue(ok());
    Fetched f = fetcher.fetch(url(), SHA, null);
    assertThat(f.sha256()).isEqualTo(SHA);
    assertThat(f.size()).isEqualTo(BODY.length);
    assertThat(f.etag()).isEqualTo("\"v1\"");
    assertThat(f.fromCache()).isFalse();
    assertThat(Path.of(f.local())).hasBinaryContent(BODY);
    assertThat(Path.of(f.local()).getFileName().toString()).isEqualTo(SHA);
  }

  @Test
  void warmCacheWithExpectedChecksumMakesNoRequest() throws Exception {
    server.enqueue(ok());
    fetcher.fetch(url(), SHA, null);
    Fetched again = fetcher.fetch(url(), SHA, null);
    assertThat(again.fromCache()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void warmCacheRevalidatesWithEtagAndDownloadsNothingOn304() throws Exception {
    server.enqueue(ok());
    server.enqueue(new MockResponse().setResponseCode(304));
    fetcher.fetch(url(), null, null);
    Fetched again = fetcher.fetch(url(), null, null);
    server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getHeader("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(again.fromCache()).isTrue();
    assertThat(again.sha256()).isEqualTo(SHA);
  }

  @Test
  void retriesServerErrorsAndDroppedConnections() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok());
    assertThat(fetcher.fetch(url(), SHA, null).sha256()).isEqualTo(SHA);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retriesATimeoutThenGivesUpNamingTheUrl() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(ok().setHeadersDelay(2, TimeUnit.SECONDS));
    }
    assertThatThrownBy(() -> fetcher.fetch(url(), null, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining(url())
        .hasMessageContaining("after 4 attempts")
        .hasMessageContaining("timed out");
  }

  @Test
  void keepAliveConnectionClosedAfterACompleteResponseIsNotAnAttempt() throws Exception {
    // DISCONNECT_AT_END: an HTTP/1.1 answer without "Connection: close", then the socket closes,
    // as a server does when its keep-alive timeout ends; the next request meets a dead connection.
    server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    Fetcher once = new Fetcher(
        FetchOptions.defaults(tmp.resolve("c1").toString()).withRetries(1, Duration.ofMillis(10)));
    try {
      assertThat(once.fetch(url(), SHA, null).sha256()).isEqualTo(SHA);
      assertThat(once.fetch(server.url("/data/b.nc").toString(), SHA, null).sha256())
          .isEqualTo(SHA);
    } finally {
      once.shutdown();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    server.takeRequest();
    assertThat(server.takeRequest().getSequenceNumber()).as("second request, new connection")
        .isZero();
  }

  @Test
  void truncatedBodyIsRetried() throws Exception {
    server.enqueue(ok().setBody(new Buffer().write(BODY)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(ok());
    assertThat(fetcher.fetch(url(), SHA, null).sha256()).isEqualTo(SHA);
  }

  @Test
  void notFoundIsAMissingSource() {
    server.enqueue(new MockResponse().setResponseCode(404));
    assertThatThrownBy(() -> fetcher.fetch(url(), null, null))
        .isInstanceOf(MissingSourceException.class)
        .hasMessageContaining(url() + " does not exist (HTTP 404)");
  }

  @Test
  void checksumMismatchNamesBothHashesAndCachesNothing() throws Exception {
    server.enqueue(ok());
    String wrong = "0".repeat(64);
    assertThatThrownBy(() -> fetcher.fetch(url(), wrong, null))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("checksum mismatch for " + url())
        .hasMessageContaining(wrong)
        .hasMessageContaining(SHA);
    assertThat(tmp.resolve("cache/index")).doesNotExist();
  }

  @Test
  void sendsAuthorizationFromTheNamedSecretAndNeverLogsIt() throws Exception {
    fetcher.shutdown();
    fetcher = fetcher(FetchOptions.defaults(tmp.resolve("c").toString())
        .withSecrets(Map.of("ARCHIVE_TOKEN", "Bearer s3cret")));
    server.enqueue(ok());
    fetcher.fetch(url(), null, "ARCHIVE_TOKEN");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer s3cret");
  }

  @Test
  void unsetSecretSaysWhichVariableToExport() {
    assertThatThrownBy(() -> fetcher(FetchOptions.defaults(tmp.toString()).withSecrets(Map.of()))
            .fetch(url(), null, "ARCHIVE_TOKEN"))
        .hasMessageContaining("environment variable ARCHIVE_TOKEN, which is not set");
  }

  @Test
  void unauthorizedSaysHowToAuthenticate() {
    server.enqueue(new MockResponse().setResponseCode(401));
    assertThatThrownBy(() -> fetcher.fetch(url(), null, null))
        .hasMessageContaining("HTTP 401").hasMessageContaining("auth_env");
  }

  @Test
  void fileUrlsAreHashedInPlace() throws Exception {
    Path f = Files.write(tmp.resolve("x.nc"), BODY);
    Fetched got = fetcher.fetch(f.toUri().toString(), SHA, null);
    assertThat(got.local()).isEqualTo(f.toString());
    assertThat(got.sha256()).isEqualTo(SHA);
    assertThatThrownBy(() -> fetcher.fetch(tmp.resolve("nope.nc").toUri().toString(), null, null))
        .isInstanceOf(MissingSourceException.class);
  }
}
