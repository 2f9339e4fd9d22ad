package org.headwater.zarr;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's {@code /usr/bin/python3} (which has python3-zarr, python3-xarray, python3-numpy;
 * the first {@code python3} on PATH may be another build without them).
 */
final class PythonTools {
  /** Debian python; {@code -Dheadwater.python=...} overrides it (to test the missing-tools path). */
  static final String PYTHON = System.getProperty("headwater.python", "/usr/bin/python3");
  private static final String INSTALL = "apt-get install python3-zarr python3-xarray";

  private PythonTools() {}

  /**
   * Fails the test unless zarr, xarray and numcodecs import; skips instead when
   * {@code -Dheadwater.allowMissingTools=true}.
   */
  static void requireZarr() {
    Result r = exec(List.of(PYTHON, "-c", "import zarr, xarray, numcodecs, numpy"));
    if (r.exitCode() != 0) {
      String message = PYTHON + " cannot import zarr/xarray/numcodecs (" + INSTALL + "): " + r.stderr();
      if (Boolean.getBoolean("headwater.allowMissingTools")) {
        Assumptions.abort(message);
      }
      fail(message);
    }
  }

  /**
   * Runs a script and returns its standard output; fails the test with the script's standard
   * error if it exits non-zero.
   */
  static String run(String script, String... args) {
    List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
    command.addAll(List.of(args));
    Result r = exec(command);
    if (r.exitCode() != 0) {
      fail(PYTHON + " exited with " + r.exitCode() + ":\n" + r.stderr());
    }
    return r.stdout();
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result exec(List<String> command) {
    Path err = null;
    try {
      err = Files.createTempFile("python-stderr", ".txt");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out, "timed out after 180 s");
      }
      return new Result(p.exitValue(), out, Files.readString(err));
    } catch (IOException e) {
      return new Result(-1, "", "cannot run " + PYTHON + ": " + e + " (" + INSTALL + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      if (err != null) {
        try {
          Files.deleteIfExists(err);
        } catch (IOException ignored) {
          // temp file cleanup only
        }
      }
    }
  }
}
