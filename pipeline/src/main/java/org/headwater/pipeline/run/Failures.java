package org.headwater.pipeline.run;

import org.headwater.pipeline.RecipeException;

/** Finds the error a user should read inside a runner's wrapped exceptions. */
final class Failures {
  private Failures() {}

  static RecipeException unwrap(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RecipeException r) {
        return r;
      }
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return new RecipeException("the run failed: " + message, t);
  }
}
