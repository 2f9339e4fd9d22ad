package org.headwater.pipeline.steps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools without a shell, with a timeout, keeping their output in a log file. */
final class Tools {
  /** Characters of stderr kept in error messages. */
  static final int TAIL = 300;

  private Tools() {}

  /**
   * The outcome of a tool run.
   *
   * @param exitCode the exit code
   * @param stderrTail the end of its output on one line
   * @param seconds how long it ran
   */
  record Result(int exitCode, String stderrTail, double seconds) {}

  static Result run(List<String> argv, Path dir, Path log, long timeoutSeconds) throws IOException {
    long start = System.nanoTime();
    Process proc;
    try {
      proc = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new StepException(
          "command '" + argv.get(0) + "' cannot be started (" + e.getMessage() + "); install it"
              + " (e.g. apt-get install nco for ncks/ncap2, gdal-bin for gdal_translate) or fix"
              + " the path");
    }
    proc.getOutputStream().close();
    try {
      if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        proc.destroyForcibly();
        proc.waitFor(10, TimeUnit.SECONDS);
        throw new StepException(
            "'" + argv.get(0) + "' did not finish within " + timeoutSeconds + " s and was"
                + " stopped; raise timeout or check the command (log: " + log + ")");
      }
    } catch (InterruptedException e) {
      proc.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StepException("interrupted while running '" + argv.get(0) + "'", e);
    }
    return new Result(proc.exitValue(), tail(log), (System.nanoTime() - start) / 1e9);
  }

  /** The first non-empty output line of a version command, or an explanation. */
  static String version(List<String> argv, Path dir) throws IOException {
    Path log = Files.createTempFile(dir, "version", ".log");
    try {
      Result r = run(argv, dir, log, 30);
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          return line.trim();
        }
      }
      return "(no output, exit " + r.exitCode() + ")";
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static String tail(Path log) throws IOException {
    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip()
        .replaceAll("\\s*\\n\\s*", " | ");
    return text.length() <= TAIL ? text : "..." + text.substring(text.length() - TAIL);
  }
}
