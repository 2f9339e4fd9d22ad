package org.headwater.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.storage.StorageSettings;
import picocli.CommandLine.Option;

/** Options that tune fetching sources. */
final class FetchFlags {
  @Option(names = "--fetch-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up on a connection that sends nothing for this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--fetch-attempts", paramLabel = "N", defaultValue = "4",
      description = "Attempts per source on 5xx answers, timeouts and dropped connections (default: ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "An S3-compatible store for s3:// sources and output locations, e.g. http://127.0.0.1:9000"
          + " (path-style requests); default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, else AWS. Credentials come"
          + " from the AWS SDK's standard chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ...).")
  String s3Endpoint;

  FetchOptions options(Path work) {
    if (timeoutSeconds < 1 || attempts < 1) {
      throw new IllegalArgumentException("--fetch-timeout and --fetch-attempts must be at least 1");
    }
    FetchOptions d = FetchOptions.defaults(work.resolve("cache").toString());
    return d.withTimeouts(d.connectTimeout(), Duration.ofSeconds(timeoutSeconds))
        .withRetries(attempts, d.initialBackoff())
        .withStorage(new StorageSettings(s3Endpoint));
  }
}
