package org.headwater.provenance.record;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source file as it was read: where it came from and exactly which bytes.
 *
 * @param url the URL it was fetched from ({@code https:}, {@code http:} or {@code file:})
 * @param sourceOfTruth the DOI or landing URL of the archived dataset the file belongs to, or null
 * @param sha256 SHA-256 (hex) of the bytes read
 * @param size size in bytes
 * @param retrieved when the bytes were fetched (or found in the cache)
 * @param etag the HTTP ETag, or null
 * @param lastModified the HTTP Last-Modified value, or null
 * @param fileType {@code netcdf}, {@code zarr} or {@code csv}
 * @param keys the recipe dimension keys of this file, e.g. {@code member=3}
 * @param fromCache whether the bytes came from the local cache rather than the network
 * @param variables the variables (or CSV columns) the run took from the file: those it
 *     concatenated or merged from it, and a variable that several files hold unchanged (such as
 *     an x or y coordinate) only from the file it was read from; empty when not known
 */
public record InputRecord(
    String url,
    String sourceOfTruth,
    String sha256,
    long size,
    Instant retrieved,
    String etag,
    String lastModified,
    String fileType,
    Map<String, String> keys,
    boolean fromCache,
    List<String> variables)
    implements Serializable {

  public InputRecord {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sha256, "sha256");
    keys = Map.copyOf(keys == null ? Map.of() : keys);
    variables = List.copyOf(variables == null ? List.of() : variables);
  }

  /** A record that does not say which variables the file provides. */
  public InputRecord(
      String url,
      String sourceOfTruth,
      String sha256,
      long size,
      Instant retrieved,
      String etag,
      String lastModified,
      String fileType,
      Map<String, String> keys,
      boolean fromCache) {
    this(url, sourceOfTruth, sha256, size, retrieved, etag, lastModified, fileType, keys, fromCache,
        List.of());
  }

  /** The same record with other {@link #variables}. */
  public InputRecord withVariables(List<String> used) {
    return new InputRecord(url, sourceOfTruth, sha256, size, retrieved, etag, lastModified, fileType, keys,
        fromCache, used);
  }

  /**
   * The same record with any credential in its URL taken out ({@link Secrets#redact}): what a run
   * keeps and shows of the file's URL.
   */
  public InputRecord redacted() {
    String kept = Secrets.redact(url);
    return kept.equals(url) ? this : new InputRecord(kept, sourceOfTruth, sha256, size, retrieved, etag,
        lastModified, fileType, keys, fromCache, variables);
  }

  /** Whether the file provides {@code variable} (true when the record does not say). */
  public boolean provides(String variable) {
    return variables.isEmpty() || variables.contains(variable);
  }
}
