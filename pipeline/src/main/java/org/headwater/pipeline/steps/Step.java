package org.headwater.pipeline.steps;

import org.headwater.pipeline.dataset.Dataset;

/**
 * One named cleansing or transformation step.
 *
 * <p>A step wraps the dataset before it and returns a new lazily read dataset: the schema is
 * computed (and checked) at once, so a step naming a variable that does not exist fails before
 * any data is written; the data is transformed region by region as writers ask for it.
 */
@FunctionalInterface
public interface Step {
  /**
   * Applies the step.
   *
   * @param input the dataset before the step
   * @param index the step's position in the recipe, recorded in the lineage of changed variables
   * @throws StepException naming the step, the variable and what to do, when it cannot apply
   */
  Dataset apply(Dataset input, int index);
}
