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
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.pipeline.recipe.OutputSpec;

/** Runs writing tasks; emits what each wrote, keyed by output. */
public final class WriteFn extends DoFn<WriteTask, KV<String, Written>> {
  private final RunScope scope;
  private final OutputSpec spec;
  private final PCollectionView<List<DatasetPlan>> plans;
  private final Counter chunks = Metrics.counter(FetchFn.NAMESPACE, "chunks_written");
  private transient SourceCache files;
  private transient Map<String, Dataset> datasets;

  public WriteFn(RunScope scope, OutputSpec spec, PCollectionView<List<DatasetPlan>> plans) {
    this.scope = scope;
    this.spec = spec;
    this.plans = plans;
  }

  @Setup
  public void setup() {
    WorkerPaths.check(scope);
  }

  @StartBundle
  public void startBundle() {
    files = new SourceCache(64);
    datasets = new HashMap<>();
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    WriteTask task = c.element();
    DatasetPlan plan = only(spec, c.sideInput(plans));
    Dataset data = datasets.computeIfAbsent(task.dataset(), k -> Planner.open(plan, files));
    Written written = OutputFormats.write(data, spec, scope.stagingPath(spec.path()), task);
    chunks.inc(written.chunks());
    c.output(KV.of(task.output(), written));
  }

  /** The one dataset an output writes; an output of no or several datasets is an error. */
  static DatasetPlan only(OutputSpec spec, List<DatasetPlan> plans) {
    if (plans.size() != 1) {
      throw new OutputException(
          "output '" + spec.name() + "': its input holds " + plans.size() + " datasets "
              + plans.stream().map(DatasetPlan::dataset).toList()
              + "; apply each write to a PCollection of exactly one dataset");
    }
    return plans.get(0);
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
