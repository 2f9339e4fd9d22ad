package org.headwater.pipeline.fetch;

import org.headwater.provenance.Plural;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.storage.ObjectUrl;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.record.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches sources over {@code https:}, {@code http:}, {@code file:} and {@code s3:} URLs, hashing
 * the bytes as they stream ({@code s3:} through {@link ObjectSources}).
 *
 * <p>HTTP downloads go through the {@link ContentCache}: a URL already cached is revalidated with
 * {@code If-None-Match}/{@code If-Modified-Since} (a 304 downloads nothing), and when the recipe
 * gives the expected SHA-256 and the cache holds those bytes, no request is made at all. 5xx, 408
 * and 429 answers, timeouts and dropped connections are retried with doubling back-off; a request
 * that met a reused connection the server had closed is resent at once and is not an attempt
 * ({@link ConnectionReuse}). {@code
 * file:} sources are read in place; a directory (a Zarr store) is identified by the hash of its
 * sorted file manifest.
 */
public final class Fetcher {
  private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

  /**
   * How many requests of one fetch may fail on a pooled connection the server had already closed
   * before one counts as an attempt: OkHttp's default pool keeps at most 5 idle connections.
   */
  private static final int STALE_CONNECTIONS = 5;
  private final FetchOptions options;
  private final ContentCache cache;
  private final OkHttpClient client;
  private final ConnectionReuse reuse = new ConnectionReuse();
  private final ObjectSources objects;

  public Fetcher(FetchOptions options) {
    this.options = options;
    this.cache = new ContentCache(Path.of(options.cacheDir()));
    this.objects = new ObjectSources(cache, options.storage());
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .eventListenerFactory(reuse.listeners())
            .build();
  }

  /**
   * Fetches one URL.
   *
   * @param url the source URL
   * @param expectedSha256 the hash the bytes must have, or null
   * @param authEnv the environment variable holding an {@code Authorization} value, or null
   * @throws MissingSourceException when the source does not exist
   * @throws FetchException when it cannot be fetched or has the wrong checksum
   */
  public Fetched fetch(String url, String expectedSha256, String authEnv) {
    try {
      if (url.regionMatches(true, 0, "file:", 0, 5)) {
        return fetchFile(url, expectedSha256);
      }
      if (ObjectUrl.isObjectUrl(url)) {
        return objects.fetch(url, expectedSha256);
      }
      return fetchHttp(url, expectedSha256, authEnv);
    } catch (IOException e) {
      throw new FetchException(url, "cannot fetch " + url + ": " + e.getMessage(), e);
    }
  }

  /** Shuts down the HTTP client's threads and connections. */
  public void shutdown() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    objects.close();
  }

  private Fetched fetchFile(String url, String expected) throws IOException {
    Path path;
    try {
      path = Path.of(URI.create(url));
    } catch (IllegalArgumentException e) {
      path = Path.of(url.substring("file:".length()));
    }
    if (!Files.exists(path)) {
      throw new MissingSourceException(url, "no such file " + path);
    }
    Instant now = Instant.now();
    String sha;
    long size;
    if (Files.isDirectory(path)) {
      sha = Checksums.sha256(path);
      size = Hashing.size(path);
    } else {
      sha = Hashing.sha256Hex(path);
      size = Files.size(path);
    }
    ExpectedChecksums.verify(url, expected, sha, size);
    String modified = Files.getLastModifiedTime(path).toInstant().toString();
    return new Fetched(url, path.toString(), sha, size, now, null, modified, false);
  }

  private Fetched fetchHttp(String url, String expected, String authEnv) throws IOException {
    Optional<ContentCache.Entry> cached = cache.lookup(url);
    if (cached.isPresent() && expected != null && cached.get().sha256().equalsIgnoreCase(expected)) {
      return fromCache(cached.get());
    }
    Request.Builder request = new Request.Builder().url(url).get();
    if (authEnv != null) {
      String value = options.secret(authEnv);
      if (value == null || value.isBlank()) {
        throw new FetchException(
            url,
            "the recipe reads the Authorization header for " + url + " from environment variable "
                + authEnv + ", which is not set; export it (e.g. " + authEnv
                + "='Bearer <token>') and run again");
      }
      request.header("Authorization", value);
    }
    cached.ifPresent(
        e -> {
          if (e.etag() != null) {
            request.header("If-None-Match", e.etag());
          }
          if (e.lastModified() != null) {
            request.header("If-Modified-Since", e.lastModified());
          }
        });
    IOException last = null;
    String lastStatus = null;
    int staleLeft = STALE_CONNECTIONS;
    boolean resend = false;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      if (attempt > 1 && !resend) {
        backoff(url, attempt);
      }
      resend = false;
      ConnectionReuse.Tracker tracker = new ConnectionReuse.Tracker();
      request.tag(ConnectionReuse.Tracker.class, tracker);
      if (reuse.closes(request.build().url())) {
        request.header("Connection", "close");
      }
      try (Response response = client.newCall(request.build()).execute()) {
        reuse.learn(response);
        int code = response.code();
        if (code == 304 && cached.isPresent()) {
          return fromCache(cached.get());
        }
        if (code == 404 || code == 410) {
          throw new MissingSourceException(url, "HTTP " + code);
        }
        if (code == 401 || code == 403) {
          throw new FetchException(
              url,
              "HTTP " + code + " for " + url + ": not authorized; "
                  + (authEnv == null
                      ? "set 'auth_env' on the source to send an Authorization header"
                      : "check the value of environment variable " + authEnv));
        }
        if (code >= 500 || code == 408 || code == 429) {
          lastStatus = "HTTP " + code;
          last = null;
          LOG.warn("GET {} answered {} (attempt {} of {})", Secrets.redact(url), code, attempt, options.maxAttempts());
          continue;
        }
        if (!response.isSuccessful()) {
          throw new FetchException(url, "HTTP " + code + " for " + url + "; check the URL");
        }
        return download(url, expected, response);
      } catch (FetchException e) {
        throw e;
      } catch (InterruptedIOException e) {
        last = e;
        lastStatus = "timed out";
        LOG.warn("GET {} timed out (attempt {} of {})", Secrets.redact(url), attempt, options.maxAttempts());
      } catch (IOException e) {
        if (tracker.stale() && staleLeft-- > 0) {
          LOG.debug("GET {}: the server had closed the reused connection ({}); resending", Secrets.redact(url),
              e.getMessage());
          attempt--;
          resend = true;
          continue;
        }
        last = e;
        lastStatus = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("GET {} failed: {} (attempt {} of {})", Secrets.redact(url), Secrets.redact(lastStatus), attempt,
            options.maxAttempts());
      }
    }
    throw new FetchException(
        url,
        "cannot fetch " + url + " after " + Plural.count(options.maxAttempts(), "attempt")
            + " (last: " + lastStatus
            + "); check the server, or try again later",
        last);
  }

  private Fetched download(String url, String expected, Response response) throws IOException {
    ResponseBody body = response.body();
    long declared = body.contentLength();
    ContentCache.Stored stored;
    try (InputStream in = body.byteStream()) {
      stored = cache.store(url, in, null);
    }
    if (declared >= 0 && declared != stored.size()) {
      throw new IOException("connection ended after " + stored.size() + " of " + declared + " bytes");
    }
    ExpectedChecksums.verify(url, expected, stored.sha256(), stored.size());
    String etag = response.header("ETag");
    String modified = response.header("Last-Modified");
    cache.index(new ContentCache.Entry(url, stored.sha256(), stored.size(), etag, modified));
    return new Fetched(
        url, stored.object().toString(), stored.sha256(), stored.size(), Instant.now(), etag,
        modified, false);
  }

  private Fetched fromCache(ContentCache.Entry e) {
    return new Fetched(
        e.url(), cache.object(e.sha256()).toString(), e.sha256(), e.size(), Instant.now(),
        e.etag(), e.lastModified(), true);
  }

  private void backoff(String url, int attempt) {
    long millis = options.initialBackoff().toMillis() << (attempt - 2);
    try {
      Thread.sleep(Math.min(millis, 30_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(url, "interrupted while waiting to retry " + url, e);
    }
  }
}
