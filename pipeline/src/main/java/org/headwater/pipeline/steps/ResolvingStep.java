package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.Map;
import org.headwater.pipeline.dataset.Dataset;

/**
 * A step that settles some facts once, when the run is planned, rather than on every worker: the
 * date of a {@code history} line, the scale of a {@code pack}, the result of a {@code
 * run_command}. The facts are returned as extra parameters (names starting with {@code _}) that
 * travel with the plan to every worker, so each worker makes the very same dataset; recipes cannot
 * set such parameters themselves.
 *
 * <p>The map may hold {@link #DETAILS}: facts for the run record's step entry (JSON-compatible).
 */
public interface ResolvingStep extends Step {
  /** The resolved parameter that holds the step's details for the run record. */
  String DETAILS = "_details";

  /** Whether the parameters already hold the resolved facts. */
  boolean resolved();

  /**
   * Settles the step's facts.
   *
   * @param input the dataset before the step
   * @param index the step's position in the recipe
   * @param dataset the source dataset's name
   * @param context the run
   * @return parameters to add, each named with a leading {@code _}
   */
  Map<String, Object> resolve(Dataset input, int index, String dataset, StepContext context)
      throws IOException;
}
