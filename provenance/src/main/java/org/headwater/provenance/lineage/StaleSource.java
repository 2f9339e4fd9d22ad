package org.headwater.provenance.lineage;

import java.util.List;

/**
 * The re-check of one recorded source.
 *
 * @param source the source entity IRI
 * @param url where it was fetched
 * @param status what the check found
 * @param reason how it was decided, e.g. {@code ETag "a1" -> "b2"} or {@code re-hashed}
 * @param affectedOutputs IRIs of outputs derived from it (directly or through other runs); filled
 *     for {@link Status#CHANGED} and {@link Status#MISSING}
 */
public record StaleSource(String source, String url, Status status, String reason, List<String> affectedOutputs) {
  /** Outcome of a source re-check. */
  public enum Status {
    /** The source is as recorded. */
    UNCHANGED,
    /** The source changed since it was used: outputs derived from it are stale. */
    CHANGED,
    /** The source is gone (HTTP 404/410, missing file). */
    MISSING,
    /** It could not be checked (network error, unsupported scheme). */
    UNKNOWN
  }

  public StaleSource {
    affectedOutputs = List.copyOf(affectedOutputs);
  }

  /** True for {@link Status#CHANGED} and {@link Status#MISSING}. */
  public boolean isStale() {
    return status == Status.CHANGED || status == Status.MISSING;
  }
}
