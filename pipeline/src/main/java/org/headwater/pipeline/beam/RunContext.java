package org.headwater.pipeline.beam;

import java.io.Serializable;
import java.nio.file.Path;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.recipe.Recipe;

/**
 * What every worker of a run needs: the recipe, where to stage outputs and records, and how to
 * fetch. Passed to each DoFn by value (never through static state).
 *
 * @param recipe the recipe
 * @param runId the run's id
 * @param staging the directory outputs are written into before the run commits them
 * @param records the directory the pipeline writes its run records into
 * @param fetch fetch options (cache, timeouts, retries)
 */
public record RunContext(
    Recipe recipe, String runId, String staging, String records, FetchOptions fetch)
    implements Serializable {

  public Path stagingPath(String relative) {
    return Path.of(staging).resolve(relative);
  }
}
