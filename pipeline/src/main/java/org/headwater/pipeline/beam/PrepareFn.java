package org.headwater.pipeline.beam;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;

/** Creates each output's staging metadata and emits its writing tasks. */
final class PrepareFn extends DoFn<KV<String, DatasetPlan>, WriteTask> {
  private final RunContext context;

  PrepareFn(RunContext context) {
    this.context = context;
  }

  @Setup
  public void setup() {
    WorkerPaths.check(context);
  }

  @ProcessElement
  public void process(@Element KV<String, DatasetPlan> plan, OutputReceiver<WriteTask> out) {
    for (OutputSpec spec : context.recipe().outputs()) {
      if (spec.dataset().equals(plan.getKey())) {
        OutputFormats.prepare(plan.getValue(), spec, context.stagingPath(spec.path()))
            .forEach(out::output);
      }
    }
  }
}
