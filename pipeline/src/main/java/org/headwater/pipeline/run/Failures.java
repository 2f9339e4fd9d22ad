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
      if (root instanceof OutOfMemoryError) {
        break;
      }
      root = root.getCause();
    }
    if (root instanceof OutOfMemoryError) {
      return new RecipeException("the run ran out of memory (" + root.getMessage() + ", Java heap limit "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): give it more with"
          + " HEADWATER_JAVA_OPTS=-Xmx2g, or make the outputs' chunks smaller", t);
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return new RecipeException("the run failed: " + message, t);
  }
}
