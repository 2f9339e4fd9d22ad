package org.headwater.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.headwater.pipeline.fetch.FetchOptions;
import picocli.CommandLine.Option;

/** Options that tune fetching sources. */
final class FetchFlags {
  @Option(names = "--fetch-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up on a connection that sends nothing for this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--fetch-attempts", paramLabel = "N", defaultValue = "4",
      description = "Attempts per source on 5xx answers, timeouts and dropped connections (default: ${DEFAULT-VALUE}).")
  int attempts;

  FetchOptions options(Path work) {
    if (timeoutSeconds < 1 || attempts < 1) {
      throw new IllegalArgumentException("--fetch-timeout and --fetch-attempts must be at least 1");
    }
    FetchOptions d = FetchOptions.defaults(work.resolve("cache").toString());
    return d.withTimeouts(d.connectTimeout(), Duration.ofSeconds(timeoutSeconds))
        .withRetries(attempts, d.initialBackoff());
  }
}
