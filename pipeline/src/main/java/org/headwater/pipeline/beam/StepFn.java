package org.headwater.pipeline.beam;

import org.apache.beam.sdk.transforms.DoFn;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.Planner;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.StepException;

/**
 * Appends one step to each dataset plan ({@link Planner#step}): the step's schema is checked
 * against the dataset it gets, and a step that settles facts once per run (such as {@code
 * run_command}, which runs its tool here) resolves them. A step that cannot apply fails naming the
 * transform, the step and the dataset.
 */
public final class StepFn extends DoFn<DatasetPlan, DatasetPlan> {
  private final RunScope scope;
  private final StepSpec spec;
  private final String transform;

  public StepFn(RunScope scope, StepSpec spec, String transform) {
    this.scope = scope;
    this.spec = spec;
    this.transform = transform;
  }

  @ProcessElement
  public void process(@Element DatasetPlan plan, OutputReceiver<DatasetPlan> out) {
    StepSpec mine =
        new StepSpec(spec.index(), spec.name(), plan.dataset(), spec.parameters(), spec.where());
    try {
      out.output(Planner.step(plan, mine, scope.stepContext()));
    } catch (StepException e) {
      throw new StepException(
          "transform '" + transform + "' on dataset '" + plan.dataset() + "': " + e.getMessage(), e);
    }
  }
}
