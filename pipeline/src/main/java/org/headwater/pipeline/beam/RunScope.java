package org.headwater.pipeline.beam;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.steps.StepContext;

/**
 * What every worker of a run needs to know about it: its id, the id of the recipe (or code-built
 * plan) that made it, its run directory (staging, records, the plan file) and how to fetch. Passed
 * to each DoFn by value when the pipeline is built, never through static state.
 *
 * @param runId the run's id
 * @param recipeId the id of the recipe or of the code-built pipeline's plan
 * @param runDir the run directory; every worker sees the same path
 * @param fetch fetch options (cache, timeouts, retries)
 */
public record RunScope(String runId, String recipeId, String runDir, FetchOptions fetch)
    implements Serializable {
  /** The plan file in the run directory, written before the pipeline starts. */
  public static final String PLAN_FILE = "recipe.yaml";
  /** Record-file prefix of a dataset's plan (its inputs, resolved steps and schema). */
  public static final String PLAN_RECORDS = "plan";
  /** Record-file prefix of an output's record. */
  public static final String OUTPUT_RECORDS = "output";

  public RunScope {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(recipeId, "recipeId");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(fetch, "fetch");
  }

  /** Where outputs are written before the run commits them. */
  public Path staging() {
    return Path.of(runDir).resolve(".staging");
  }

  /** Where the pipeline hands its records to the driver. */
  public Path records() {
    return Path.of(runDir).resolve(".records");
  }

  public Path stagingPath(String relative) {
    return staging().resolve(relative);
  }

  /** The step context of this run (history lines, run_command's files and logs). */
  public StepContext stepContext() {
    return StepContext.forRun(runId, recipeId, Path.of(runDir));
  }
}
