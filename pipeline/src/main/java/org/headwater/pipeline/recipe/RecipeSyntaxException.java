package org.headwater.pipeline.recipe;

import org.headwater.pipeline.RecipeException;

/** A recipe file that is not valid YAML or does not follow the recipe format. */
public final class RecipeSyntaxException extends RecipeException {
  private static final long serialVersionUID = 1L;

  public RecipeSyntaxException(String message) {
    super(message);
  }

  public RecipeSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
