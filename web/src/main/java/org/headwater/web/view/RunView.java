package org.headwater.web.view;

import java.util.List;

/**
 * Everything the run page shows.
 *
 * @param summary id, title, status, times
 * @param runner the Beam runner, or null
 * @param software e.g. {@code Headwater 0.1.0}, or null
 * @param duration e.g. {@code 3.4 s}, or null
 * @param recipeSha the recipe file's SHA-256, or null
 * @param recipeText the recipe as run (from the run directory), or null when not readable here
 * @param recipeNote why the recipe text is missing or differs, or null
 * @param steps the steps with their parameters
 * @param skipped files the run skipped
 * @param sources files the run used
 * @param outputs what it made
 * @param error the failed run's error, or null
 * @param log the run's log ({@code run.log}), or null
 * @param logNote why there is no log, or null
 */
public record RunView(
    RunSummary summary,
    String runner,
    String software,
    String duration,
    String recipeSha,
    String recipeText,
    String recipeNote,
    List<Step> steps,
    List<Skipped> skipped,
    List<SourceFile> sources,
    List<OutputFile> outputs,
    String error,
    String log,
    String logNote) {
  public RunView {
    steps = List.copyOf(steps);
    skipped = List.copyOf(skipped);
    sources = List.copyOf(sources);
    outputs = List.copyOf(outputs);
  }
}
