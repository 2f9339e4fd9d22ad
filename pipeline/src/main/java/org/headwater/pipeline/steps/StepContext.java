package org.headwater.pipeline.steps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a step may need to know about the run it belongs to, when the run is planned: the ids that
 * go into {@code history} lines, and where {@code run_command} keeps its intermediate files and
 * logs. Passed as a value (never held in static state), and only to steps that settle facts at
 * plan time ({@link ResolvingStep}).
 *
 * @param runId the run's id
 * @param recipeId the recipe's id
 * @param headwaterVersion the Headwater version
 * @param tempDir a directory for intermediate files; every worker of the run sees the same path
 * @param logDir a directory for logs kept with the run (e.g. a tool's whole stderr)
 */
public record StepContext(
    String runId, String recipeId, String headwaterVersion, String tempDir, String logDir)
    implements Serializable {

  public StepContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(recipeId, "recipeId");
    Objects.requireNonNull(tempDir, "tempDir");
    Objects.requireNonNull(logDir, "logDir");
  }

  /**
   * The context of a run whose directory is {@code runDir}: intermediate files under its staging
   * folder (removed when the run commits or fails), logs under {@code logs/}.
   */
  public static StepContext forRun(String runId, String recipeId, Path runDir) {
    return new StepContext(
        runId,
        recipeId,
        org.headwater.pipeline.run.Versions.headwater(),
        runDir.resolve(".staging").resolve(".steps").toString(),
        runDir.resolve("logs").toString());
  }

  /** A context outside a run directory, keyed by {@code key} under the system temp folder. */
  public static StepContext standalone(String recipeId, String key) {
    Path base = Path.of(System.getProperty("java.io.tmpdir"), "headwater-steps", recipeId + "-" + key);
    return new StepContext(
        key,
        recipeId,
        org.headwater.pipeline.run.Versions.headwater(),
        base.resolve("tmp").toString(),
        base.resolve("logs").toString());
  }

  /** The private working directory of one step of one dataset. */
  public Path stepDir(String dataset, int index, String step) {
    return Path.of(tempDir).resolve(dataset).resolve("step-" + (index + 1) + "-" + step);
  }
}
