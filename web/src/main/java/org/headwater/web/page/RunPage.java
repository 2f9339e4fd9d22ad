package org.headwater.web.page;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.read.RunFiles;
import org.headwater.web.read.Runs;
import org.headwater.web.view.RunView;

/** Builds the run page: recipe, steps, timings, skipped files, errors and the run's log. */
public final class RunPage {
  private RunPage() {}

  /** The run called {@code id}; empty when the store does not hold it. */
  public static Optional<RunView> of(LineageStore store, String id) {
    record Found(String recipeLocation, RunView partial) {}
    Optional<Found> found =
        store.read(ds -> Runs.row(ds, id).map(r -> new Found(Runs.recipeLocation(ds, r, id), new RunView(
            Runs.summary(r, id), r.text("runner"), r.text("software"),
            duration(r.text("started"), r.text("ended")), r.text("recipeSha"), null, null,
            Runs.steps(ds, id), Runs.skipped(ds, id), Runs.sources(ds, id), Runs.outputs(ds, id), r.text("error"),
            null, null))));
    return found.map(f -> withFiles(f.partial(), f.recipeLocation()));
  }

  /** Whether the store holds run {@code id} and it failed (it made no dataset). */
  public static boolean failed(LineageStore store, String id) {
    return store.read(ds -> Runs.row(ds, id).map(r -> Runs.summary(r, id).failed()).orElse(false));
  }

  /** Adds what the run directory keeps; the error the store recorded, else the one in run.json. */
  private static RunView withFiles(RunView v, String recipeLocation) {
    Optional<Path> dir = RunFiles.runDir(recipeLocation);
    RunFiles.Text recipe = RunFiles.recipe(dir, recipeLocation, v.recipeSha());
    RunFiles.Text log = RunFiles.log(dir);
    String error = v.error() != null ? v.error() : RunFiles.error(dir);
    return new RunView(v.summary(), v.runner(), v.software(), v.duration(), v.recipeSha(), recipe.text(),
        recipe.note(), v.steps(), v.skipped(), v.sources(), v.outputs(), error, log.text(), log.note());
  }

  /** {@code 3.4 s} or {@code 2 min 5 s} between two ISO-8601 instants; null if either is missing. */
  static String duration(String started, String ended) {
    if (started == null || ended == null) {
      return null;
    }
    try {
      Duration d = Duration.between(Instant.parse(started), Instant.parse(ended));
      long ms = d.toMillis();
      if (ms < 60_000) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
      }
      return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
