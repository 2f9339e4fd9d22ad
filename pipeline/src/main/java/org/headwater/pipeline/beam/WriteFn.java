package org.headwater.pipeline.beam;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.internal.Closing;
import org.headwater.pipeline.io.SourceCache;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.pipeline.recipe.OutputSpec;

/** Runs writing tasks; emits what each wrote, keyed by output. */
final class WriteFn extends DoFn<WriteTask, KV<String, Written>> {
  private final RunContext context;
  private final PCollectionView<Map<String, DatasetPlan>> plans;
  private final Counter chunks = Metrics.counter(FetchFn.NAMESPACE, "chunks_written");
  private transient SourceCache files;
  private transient Map<String, Dataset> datasets;

  WriteFn(RunContext context, PCollectionView<Map<String, DatasetPlan>> plans) {
    this.context = context;
    this.plans = plans;
  }

  @Setup
  public void setup() {
    WorkerPaths.check(context);
  }

  @StartBundle
  public void startBundle() {
    files = new SourceCache(64);
    datasets = new HashMap<>();
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    WriteTask task = c.element();
    DatasetPlan plan = c.sideInput(plans).get(task.dataset());
    Dataset data = datasets.computeIfAbsent(task.dataset(), k -> Planner.open(plan, files));
    OutputSpec spec =
        context.recipe().outputs().stream()
            .filter(o -> o.name().equals(task.output()))
            .findFirst()
            .orElseThrow();
    Written written = OutputFormats.write(data, spec, context.stagingPath(spec.path()), task);
    chunks.inc(written.chunks());
    c.output(KV.of(task.output(), written));
  }

  @FinishBundle
  public void finishBundle() throws IOException {
    closeAll();
  }

  /** A failed bundle skips {@link #finishBundle}: closes what it left open. */
  @Teardown
  public void teardown() throws IOException {
    closeAll();
  }

  /**
   * Closes the bundle's datasets (what they hold themselves, such as a {@code run_command}'s output
   * file or a CSV cursor), then the source files they read.
   */
  private void closeAll() throws IOException {
    List<Closeable> open = new ArrayList<>();
    if (datasets != null) {
      open.addAll(datasets.values());
    }
    open.add(files);
    datasets = null;
    files = null;
    Closing.all(open);
  }
}
