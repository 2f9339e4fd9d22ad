package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.Map;

/**
 * A source that was missing and skipped under the recipe's {@code skip} policy.
 *
 * @param url the URL that was tried
 * @param keys the recipe dimension keys of the missing file
 * @param reason why it was missing, e.g. {@code HTTP 404}
 */
public record SkippedInput(String url, Map<String, String> keys, String reason)
    implements Serializable {
  public SkippedInput {
    keys = Map.copyOf(keys == null ? Map.of() : keys);
  }

  /** The same record with any credential in its URL and reason taken out ({@link Secrets#redact}). */
  public SkippedInput redacted() {
    return new SkippedInput(Secrets.redact(url), keys, Secrets.redact(reason));
  }
}
