package org.headwater.pipeline.beam;

import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.provenance.graph.Checksums;

/**
 * Gives a plan about to be written the attributes that point its outputs at their provenance: the
 * recipe (or code-built plan) by id and by the SHA-256 of the plan file the driver wrote into the
 * run directory before the pipeline started.
 */
public final class AnnotateFn extends DoFn<DatasetPlan, DatasetPlan> {
  private final RunScope scope;
  private transient String sha256;

  public AnnotateFn(RunScope scope) {
    this.scope = scope;
  }

  @ProcessElement
  public void process(@Element DatasetPlan plan, OutputReceiver<DatasetPlan> out) {
    if (sha256 == null) {
      sha256 = Checksums.sha256(Path.of(scope.runDir()).resolve(RunScope.PLAN_FILE));
    }
    out.output(Planner.annotate(plan, scope.recipeId(), sha256));
  }
}
