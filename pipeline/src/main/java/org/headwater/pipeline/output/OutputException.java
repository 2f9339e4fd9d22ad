package org.headwater.pipeline.output;

import org.headwater.pipeline.RecipeException;

/** An output that cannot be written; the message names the output and what to do. */
public final class OutputException extends RecipeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
