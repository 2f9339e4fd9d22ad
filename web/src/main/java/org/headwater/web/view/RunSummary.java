package org.headwater.web.view;

/**
 * A run as the index lists it.
 *
 * @param id the run id
 * @param title the recipe's title, or the run id when it has none
 * @param status {@code succeeded}, {@code failed}, ...
 * @param started ISO-8601 start time, or null
 * @param ended ISO-8601 end time, or null
 * @param doi the DOI its outputs were published under ({@code https://doi.org/…}), or null
 */
public record RunSummary(String id, String title, String status, String started, String ended, String doi) {
  /** Whether the run failed: it made no dataset, only a run page (its error and log). */
  public boolean failed() {
    return "failed".equals(status);
  }

  /** The DOI without its resolver, e.g. {@code 10.5072/FK2...}, or null. */
  public String doiName() {
    return doi == null ? null : doi.replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
  }
}
