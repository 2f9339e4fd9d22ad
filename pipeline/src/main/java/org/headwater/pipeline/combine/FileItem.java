package org.headwater.pipeline.combine;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One file a source's URL template expands to.
 *
 * @param dataset the source (dataset) name
 * @param url the expanded URL
 * @param keys the dimension keys that made it, in template order
 * @param concatPosition its position along the concat dimension's keys (0 when none)
 * @param mergeKey its merge-dimension keys joined with '/', or "" when none
 * @param expectedSha256 the expected SHA-256 from the recipe, or null
 */
public record FileItem(
    String dataset,
    String url,
    Map<String, String> keys,
    int concatPosition,
    String mergeKey,
    String expectedSha256)
    implements Serializable {
  public FileItem {
    Objects.requireNonNull(url, "url");
    keys = Map.copyOf(keys);
  }
}
