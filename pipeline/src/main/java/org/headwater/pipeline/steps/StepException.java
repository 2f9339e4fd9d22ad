package org.headwater.pipeline.steps;

import org.headwater.pipeline.RecipeException;

/** A step that cannot apply to its dataset: an unknown variable, impossible units, .... */
public final class StepException extends RecipeException {
  private static final long serialVersionUID = 1L;

  public StepException(String message) {
    super(message);
  }

  public StepException(String message, Throwable cause) {
    super(message, cause);
  }
}
