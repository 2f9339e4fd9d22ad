package org.headwater.pipeline.fetch;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.headwater.pipeline.storage.StorageSettings;

/**
 * How sources are fetched.
 *
 * @param cacheDir the content-addressed cache directory
 * @param connectTimeout TCP connect timeout
 * @param readTimeout timeout between bytes read
 * @param maxAttempts attempts per URL for 5xx, 408, 429, timeouts and dropped connections (>= 1)
 * @param initialBackoff the wait before the second attempt; it doubles each time
 * @param perHostConcurrency how many files are fetched at once from one host (>= 1)
 * @param secrets values of environment variables named by {@code auth_env}, or null to read the
 *     process environment where the fetch runs. Never logged or recorded.
 * @param storage how object stores ({@code s3://} sources and outputs) are reached
 */
public record FetchOptions(
    String cacheDir,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialBackoff,
    int perHostConcurrency,
    Map<String, String> secrets,
    StorageSettings storage)
    implements Serializable {

  public FetchOptions {
    Objects.requireNonNull(cacheDir, "cacheDir");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    if (perHostConcurrency < 1) {
      throw new IllegalArgumentException("perHostConcurrency < 1: " + perHostConcurrency);
    }
    secrets = secrets == null ? null : Map.copyOf(secrets);
    storage = storage == null ? StorageSettings.defaults() : storage;
  }

  /** Defaults: 10 s connect, 60 s read, 4 attempts from 500 ms, 4 files at once per host. */
  public static FetchOptions defaults(String cacheDir) {
    return new FetchOptions(
        cacheDir, Duration.ofSeconds(10), Duration.ofSeconds(60), 4, Duration.ofMillis(500), 4, null, null);
  }

  public FetchOptions withRetries(int attempts, Duration backoff) {
    return new FetchOptions(
        cacheDir, connectTimeout, readTimeout, attempts, backoff, perHostConcurrency, secrets, storage);
  }

  public FetchOptions withTimeouts(Duration connect, Duration read) {
    return new FetchOptions(
        cacheDir, connect, read, maxAttempts, initialBackoff, perHostConcurrency, secrets, storage);
  }

  public FetchOptions withSecrets(Map<String, String> values) {
    return new FetchOptions(
        cacheDir, connectTimeout, readTimeout, maxAttempts, initialBackoff, perHostConcurrency,
        values, storage);
  }

  /** The same options with the cache at an absolute path, as workers on other machines need. */
  public FetchOptions withAbsoluteCache() {
    return new FetchOptions(
        java.nio.file.Path.of(cacheDir).toAbsolutePath().toString(), connectTimeout, readTimeout, maxAttempts,
        initialBackoff, perHostConcurrency, secrets, storage);
  }

  public FetchOptions withStorage(StorageSettings settings) {
    return new FetchOptions(
        cacheDir, connectTimeout, readTimeout, maxAttempts, initialBackoff, perHostConcurrency,
        secrets, settings);
  }

  /** The value of a secret environment variable, or null. */
  public String secret(String name) {
    return secrets != null ? secrets.get(name) : System.getenv(name);
  }
}
