package org.headwater.pipeline.beam;

import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.io.SourceCache;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.output.Written;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.OutputRecord;

/** After all of an output's tasks: finishes it (e.g. consolidates Zarr metadata) and records it. */
final class FinalizeFn extends DoFn<KV<String, Iterable<Written>>, OutputRecord> {
  private final RunContext context;
  private final PCollectionView<Map<String, DatasetPlan>> plans;

  FinalizeFn(RunContext context, PCollectionView<Map<String, DatasetPlan>> plans) {
    this.context = context;
    this.plans = plans;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    String name = c.element().getKey();
    OutputSpec spec =
        context.recipe().outputs().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    DatasetPlan plan = c.sideInput(plans).get(spec.dataset());
    try (SourceCache files = new SourceCache(8);
        Dataset data = Planner.open(plan, files)) {
      c.output(OutputFormats.finish(data, spec, context.stagingPath(spec.path()), c.element().getValue()));
    }
  }
}
