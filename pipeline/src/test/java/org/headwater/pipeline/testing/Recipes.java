package org.headwater.pipeline.testing;

import java.nio.file.Path;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.run.RecipeRunner;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;

/** Runs recipe text in a temporary work directory. */
public final class Recipes {
  private Recipes() {}

  public static Recipe parse(String text) {
    return RecipeParser.create().parse("test-recipe.yaml", text);
  }

  public static RunResult run(String text, Path work) {
    return RecipeRunner.run(parse(text), RunOptions.defaults(work).withParallelism(2));
  }
}
