package org.headwater.web.view;

import java.util.List;

/**
 * Everything the source page shows.
 *
 * @param sha256 its checksum
 * @param urls where it was fetched (one file may be fetched from several URLs)
 * @param truths the source-of-truth datasets (DOI IRIs)
 * @param key its key, e.g. {@code member=2}, or null
 * @param size bytes, or null
 * @param format e.g. {@code netcdf}, or null
 * @param madeBy the run that made it, when it is an earlier run's output, or null
 * @param usedBy every run that used it and made a dataset
 * @param failedRuns the runs that read it and then failed (no dataset)
 */
public record SourceView(
    String sha256, List<String> urls, List<String> truths, String key, Long size, String format, RunSummary madeBy,
    List<RunSummary> usedBy, List<RunSummary> failedRuns) {
  public SourceView {
    urls = List.copyOf(urls);
    truths = List.copyOf(truths);
    usedBy = List.copyOf(usedBy);
    failedRuns = List.copyOf(failedRuns);
  }

  public String sizeText() {
    return Sizes.text(size);
  }
}
