package org.headwater.pipeline.beam;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.pipeline.plan.SourceResult;
import org.headwater.pipeline.recipe.SourceSpec;

/** Checks and combines a source's fetched files into one lazy dataset plan, before any step. */
public final class PlanFn extends DoFn<KV<String, Iterable<SourceResult>>, DatasetPlan> {
  private final SourceSpec source;

  public PlanFn(SourceSpec source) {
    this.source = source;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<SourceResult>> group, OutputReceiver<DatasetPlan> out) {
    out.output(Planner.read(source, group.getValue()));
  }
}
