package org.headwater.pipeline.beam;

import java.io.IOException;
import java.time.Instant;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.headwater.pipeline.combine.FileHeader;
import org.headwater.pipeline.combine.FileItem;
import org.headwater.pipeline.combine.Headers;
import org.headwater.pipeline.fetch.Fetched;
import org.headwater.pipeline.fetch.Fetcher;
import org.headwater.pipeline.fetch.MissingSourceException;
import org.headwater.pipeline.plan.RunRecordFiles;
import org.headwater.pipeline.plan.SourceResult;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.plan.FetchedRecords;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.SkippedInput;

/**
 * Fetches a group of files (one host shard, so at most {@code perHostConcurrency} fetches run
 * against a host at once), hashes them and reads their headers. Each fetched (or skipped) file is
 * also recorded at once in the run's records directory ({@link FetchedRecords}), so that a run
 * that fails later still lists what it had read.
 */
public final class FetchFn extends DoFn<KV<String, Iterable<FileItem>>, SourceResult> {
  static final String NAMESPACE = "headwater";
  private final RunScope context;
  private final SourceSpec source;
  private final Counter files = Metrics.counter(NAMESPACE, "files_fetched");
  private final Counter bytes = Metrics.counter(NAMESPACE, "bytes_fetched");
  private final Counter skippedFiles = Metrics.counter(NAMESPACE, "files_skipped");
  private transient Fetcher fetcher;

  public FetchFn(RunScope context, SourceSpec source) {
    this.context = context;
    this.source = source;
  }

  @Setup
  public void setup() {
    WorkerPaths.checkWithCache(context);
    fetcher = new Fetcher(context.fetch());
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<FileItem>> group, OutputReceiver<SourceResult> out)
      throws IOException {
    for (FileItem item : group.getValue()) {
      Fetched f;
      try {
        f = fetcher.fetch(item.url(), item.expectedSha256(), source.authEnv());
      } catch (MissingSourceException e) {
        if (source.missing() == SourceSpec.MissingPolicy.SKIP) {
          skippedFiles.inc();
          SkippedInput skipped = new SkippedInput(item.url(), item.keys(), e.reason());
          RunRecordFiles.write(context.records(), FetchedRecords.SKIPPED, skipped);
          out.output(new SourceResult(item.dataset(), null, null, skipped));
          continue;
        }
        throw e;
      }
      files.inc();
      bytes.inc(f.size());
      FileHeader header = Headers.read(item, f, source);
      InputRecord input =
          new InputRecord(
              f.url(), source.sourceOfTruth(), f.sha256(), f.size(), f.retrieved() == null
                  ? Instant.now() : f.retrieved(),
              f.etag(), f.lastModified(), source.fileType(), item.keys(), f.fromCache(),
              header.schema().variableNames());
      RunRecordFiles.write(context.records(), FetchedRecords.FETCHED, input);
      out.output(new SourceResult(item.dataset(), header, input, null));
    }
  }

  @Teardown
  public void teardown() {
    if (fetcher != null) {
      fetcher.shutdown();
    }
  }
}
