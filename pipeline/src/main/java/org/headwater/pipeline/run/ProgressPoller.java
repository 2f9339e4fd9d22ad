package org.headwater.pipeline.run;

import java.util.function.Consumer;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/** Waits for a pipeline, reporting its Beam counters as {@link Progress} while it runs. */
final class ProgressPoller {
  private ProgressPoller() {}

  static void await(PipelineResult result, long filesTotal, Consumer<Progress> listener) {
    PipelineResult.State state;
    do {
      state = result.waitUntilFinish(Duration.millis(250));
      if (listener != null) {
        listener.accept(snapshot(result, filesTotal));
      }
    } while (state == null || !state.isTerminal());
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
  }

  static Progress snapshot(PipelineResult result, long filesTotal) {
    long files = 0;
    long bytes = 0;
    long chunks = 0;
    try {
      MetricQueryResults q =
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.inNamespace("headwater"))
                      .build());
      for (MetricResult<Long> c : q.getCounters()) {
        long v = c.getAttempted() == null ? 0 : c.getAttempted();
        switch (c.getName().getName()) {
          case "files_fetched", "files_skipped" -> files += v;
          case "bytes_fetched" -> bytes += v;
          case "chunks_written" -> chunks += v;
          default -> {}
        }
      }
    } catch (UnsupportedOperationException e) {
      // this runner reports metrics only at the end
    }
    return new Progress(files, filesTotal, bytes, chunks);
  }
}
