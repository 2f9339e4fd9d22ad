package org.headwater.pipeline.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.SkippedInput;

/**
 * What a run had fetched, as the fetch workers recorded it file by file in the run's records
 * directory, so that a run that fails after fetching still says in its run.json which exact bytes
 * it had read (and which files it went without).
 */
public final class FetchedRecords {
  /** Record-file prefix of an {@link InputRecord} written as soon as a file is fetched. */
  public static final String FETCHED = "fetched";
  /** Record-file prefix of a {@link SkippedInput} written when a missing file is skipped. */
  public static final String SKIPPED = "skipped";

  private FetchedRecords() {}

  /** The fetched inputs, one per URL (a retried bundle may record a file twice), by URL. */
  public static List<InputRecord> inputs(Path records) throws IOException {
    Map<String, InputRecord> byUrl = new LinkedHashMap<>();
    for (InputRecord in : RunRecordFiles.read(records, FETCHED, InputRecord.class)) {
      byUrl.put(in.url(), in);
    }
    List<InputRecord> out = new ArrayList<>(byUrl.values());
    out.sort(Comparator.comparing(InputRecord::url));
    return out;
  }

  /** The skipped files, one per URL, by URL. */
  public static List<SkippedInput> skipped(Path records) throws IOException {
    Map<String, SkippedInput> byUrl = new LinkedHashMap<>();
    for (SkippedInput s : RunRecordFiles.read(records, SKIPPED, SkippedInput.class)) {
      byUrl.put(s.url(), s);
    }
    List<SkippedInput> out = new ArrayList<>(byUrl.values());
    out.sort(Comparator.comparing(SkippedInput::url));
    return out;
  }
}
