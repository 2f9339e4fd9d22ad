package org.headwater.pipeline.beam;

import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.pipeline.plan.SourceResult;
import org.headwater.pipeline.steps.StepContext;

/** Combines a dataset's fetched files and applies its steps' schemas: one plan per dataset. */
final class PlanFn extends DoFn<KV<String, Iterable<SourceResult>>, KV<String, DatasetPlan>> {
  private final RunContext context;

  PlanFn(RunContext context) {
    this.context = context;
  }

  @ProcessElement
  public void process(
      @Element KV<String, Iterable<SourceResult>> group, OutputReceiver<KV<String, DatasetPlan>> out) {
    DatasetPlan plan =
        Planner.plan(
            context.recipe(),
            context.recipe().source(group.getKey()),
            group.getValue(),
            StepContext.forRun(
                context.runId(), context.recipe().id(), Path.of(context.staging()).getParent()));
    out.output(KV.of(group.getKey(), plan));
  }
}
