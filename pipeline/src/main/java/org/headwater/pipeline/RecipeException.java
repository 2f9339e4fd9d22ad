package org.headwater.pipeline;

/**
 * The root of Headwater's pipeline errors: a recipe, a source or an output that cannot be used.
 *
 * <p>Messages are one line that names the file, URL, field or variable, says what was expected
 * and what was found, and what to do.
 */
public class RecipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecipeException(String message) {
    super(message);
  }

  public RecipeException(String message, Throwable cause) {
    super(message, cause);
  }
}
