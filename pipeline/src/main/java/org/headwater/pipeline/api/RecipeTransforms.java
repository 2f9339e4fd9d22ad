package org.headwater.pipeline.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;

/**
 * A parsed recipe translated into the API's transforms: one {@link HeadwaterIO#read} per source,
 * one {@link ApplyStep} per step in the recipe's order (so steps keep their recipe numbers and
 * locations), one write per output. {@code headwater run} goes through here, so a recipe and the
 * same pipeline written in code run the same code.
 */
public final class RecipeTransforms {
  private RecipeTransforms() {}

  /** Builds the recipe into {@code p}, a pipeline of {@link HeadwaterRun#forRecipe}. */
  public static void build(Pipeline p, Recipe recipe) {
    Map<String, PCollection<DatasetPlan>> datasets = new LinkedHashMap<>();
    for (SourceSpec s : recipe.sources()) {
      datasets.put(s.name(), p.apply("Read " + s.name(), HeadwaterIO.read(s)));
    }
    for (StepSpec s : recipe.steps()) {
      datasets.put(s.dataset(), datasets.get(s.dataset())
          .apply("Step " + s.number() + " " + s.name(), HeadwaterSteps.of(s)));
    }
    for (OutputSpec o : recipe.outputs()) {
      datasets.get(o.dataset()).apply("Write " + o.name(), HeadwaterIO.write(o));
    }
  }
}
