package org.headwater.pipeline.beam;

import org.apache.beam.sdk.transforms.DoFn;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;

/** Creates an output's staging metadata and emits its writing tasks. */
public final class PrepareFn extends DoFn<DatasetPlan, WriteTask> {
  private final RunScope scope;
  private final OutputSpec spec;

  public PrepareFn(RunScope scope, OutputSpec spec) {
    this.scope = scope;
    this.spec = spec;
  }

  @Setup
  public void setup() {
    WorkerPaths.check(scope);
  }

  @ProcessElement
  public void process(@Element DatasetPlan plan, OutputReceiver<WriteTask> out) {
    OutputFormats.prepare(plan, spec, scope.stagingPath(spec.path())).forEach(out::output);
  }
}
