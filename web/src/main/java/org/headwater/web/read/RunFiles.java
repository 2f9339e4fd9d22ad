package org.headwater.web.read;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.record.RunRecords;

/**
 * The files a run keeps in its run directory that the store does not hold: the recipe as run,
 * the log ({@value #LOG}) and a failed run's error (in {@code run.json}). The directory is the
 * one the store recorded for the recipe ({@code prov:atLocation}); nothing else is read.
 */
public final class RunFiles {
  /** The log file every run keeps in its run directory. */
  public static final String LOG = "run.log";

  /** The most of a log a page shows: its last 2 MB. */
  static final int MAX_LOG = 2 << 20;

  private static final int MAX_RECIPE = 1 << 20;

  private RunFiles() {}

  /** The run directory, from the recipe's recorded location ({@code file:…/recipe.yaml}). */
  public static Optional<Path> runDir(String recipeLocation) {
    if (recipeLocation == null || !recipeLocation.startsWith("file:")) {
      return Optional.empty();
    }
    try {
      Path dir = Path.of(URI.create(recipeLocation)).getParent();
      return dir != null && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The recipe text, or a note saying why it cannot be shown. */
  public static Text recipe(Optional<Path> dir, String recipeLocation, String recordedSha) {
    if (dir.isEmpty() || recipeLocation == null) {
      return Text.note("the run directory (" + recipeLocation + ") is not on this machine");
    }
    Path file = Path.of(URI.create(recipeLocation));
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_RECIPE) {
        return Text.note(file + " is missing or larger than 1 MB");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String sha = Checksums.sha256(file);
      return recordedSha == null || recordedSha.equals(sha)
          ? new Text(text, null)
          : new Text(text, "this file has changed since the run (sha256 " + sha + ", recorded " + recordedSha + ")");
    } catch (IOException | RuntimeException e) {
      return Text.note("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The run's log (its last {@link #MAX_LOG} bytes), or a note. */
  public static Text log(Optional<Path> dir) {
    if (dir.isEmpty()) {
      return Text.note("the run directory is not on this machine");
    }
    Path file = dir.get().resolve(LOG);
    if (!Files.isRegularFile(file)) {
      return Text.note("this run kept no " + LOG + " (runs before Headwater kept logs)");
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long skip = Math.max(0, f.length() - MAX_LOG);
      byte[] bytes = new byte[(int) (f.length() - skip)];
      f.seek(skip);
      f.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      return new Text(text, skip == 0 ? null : "the last " + (MAX_LOG >> 20) + " MB of " + file);
    } catch (IOException e) {
      return Text.note("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** A failed run's error from its {@code run.json}, or null. */
  public static String error(Optional<Path> dir) {
    if (dir.isEmpty() || !Files.isRegularFile(dir.get().resolve(RunRecords.FILE_NAME))) {
      return null;
    }
    try {
      return RunRecords.read(dir.get()).error();
    } catch (RuntimeException e) {
      return "cannot read " + dir.get().resolve(RunRecords.FILE_NAME) + ": " + e.getMessage();
    }
  }

  /** A text, or null with a note saying why. */
  public record Text(String text, String note) {
    static Text note(String note) {
      return new Text(null, note);
    }
  }
}
