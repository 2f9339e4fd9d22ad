package org.headwater.pipeline.run;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.api.HeadwaterRun;
import org.headwater.pipeline.api.RecipeTransforms;
import org.headwater.pipeline.recipe.Recipe;

/**
 * Runs a recipe on a Beam runner and commits its run directory.
 *
 * <p>A run directory {@code work/runs/<run id>/} holds {@code recipe.yaml} (the recipe's exact
 * text), {@code outputs/}, the run's W3C PROV graph ({@code prov.ttl}, and {@code prov.jsonld} if asked for) and,
 * {@code run.json}: written first with status {@code running} and the process's pid and host, and
 * replaced last by the finished record (so a directory whose process died is recognised as
 * incomplete: {@code RunState}). The graph is validated (SHACL) before anything is committed and,
 * when a lineage store is given, loaded into it as the run's named graph. Outputs are written under a hidden
 * staging folder and moved into {@code outputs/} only after every output is complete; a failed run
 * leaves no {@code outputs/} and a {@code run.json} whose status is {@code failed}.
 */
public final class RecipeRunner {
  private RecipeRunner() {}

  /**
   * Runs a recipe: translates it into the API's transforms ({@link RecipeTransforms}) and runs
   * them as a {@link HeadwaterRun} whose plan is the recipe's own text.
   *
   * @throws RecipeException with a one-line message when the run fails
   */
  public static RunResult run(Recipe recipe, RunOptions options) {
    return run(recipe, options, runDir -> {});
  }

  /**
   * Runs a recipe as {@link #run(Recipe, RunOptions)} does, first telling {@code starting} the run
   * directory the run is about to create (the CLI keeps the run's log there from its first lines,
   * so a run that is killed keeps its log).
   */
  public static RunResult run(Recipe recipe, RunOptions options, Consumer<Path> starting) {
    Recipe r = options.prune() > 0 ? recipe.withPrune(options.prune()) : recipe;
    HeadwaterRun run = HeadwaterRun.forRecipe(r, options);
    starting.accept(run.runDir());
    Pipeline p = run.newPipeline();
    RecipeTransforms.build(p, r);
    return run.run(p);
  }
}
