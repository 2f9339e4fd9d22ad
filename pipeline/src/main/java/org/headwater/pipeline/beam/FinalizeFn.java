package org.headwater.pipeline.beam;

import java.io.IOException;
import java.util.List;
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
public final class FinalizeFn extends DoFn<KV<String, Iterable<Written>>, OutputRecord> {
  private final RunScope scope;
  private final OutputSpec spec;
  private final PCollectionView<List<DatasetPlan>> plans;

  public FinalizeFn(RunScope scope, OutputSpec spec, PCollectionView<List<DatasetPlan>> plans) {
    this.scope = scope;
    this.spec = spec;
    this.plans = plans;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    DatasetPlan plan = WriteFn.only(spec, c.sideInput(plans));
    try (SourceCache files = new SourceCache(8);
        Dataset data = Planner.open(plan, files)) {
      c.output(OutputFormats.finish(data, spec, scope.stagingPath(spec.path()), c.element().getValue()));
    }
  }
}
