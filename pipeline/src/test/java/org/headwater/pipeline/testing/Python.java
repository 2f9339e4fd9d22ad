package org.headwater.pipeline.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's Python ({@code /usr/bin/python3}, which has xarray, zarr and netCDF4) as an
 * independent reader. Missing tools fail the test with what to install, unless {@code
 * -Dheadwater.allowMissingTools=true}.
 */
public final class Python {
  public static final String PYTHON = System.getProperty("headwater.python", "/usr/bin/python3");

  private Python() {}

  /** Checks that the modules import; fails (or skips when allowed) otherwise. */
  public static void require(String packages, String... modules) {
    String code = "import " + String.join(", ", modules);
    Result r = exec(code, List.of());
    if (r.code() != 0) {
      String msg = PYTHON + " cannot import " + String.join(", ", modules)
          + ": run 'apt-get install " + packages + "' (" + r.err().trim() + ")";
      if (Boolean.getBoolean("headwater.allowMissingTools")) {
        Assumptions.abort(msg);
      }
      fail(msg);
    }
  }

  /** Runs a script; returns its standard output, failing with its stderr on a non-zero exit. */
  public static String run(String code, String... args) {
    Result r = exec(code, List.of(args));
    if (r.code() != 0) {
      fail("python failed (" + r.code() + "):\n" + r.err());
    }
    return r.out();
  }

  record Result(int code, String out, String err) {}

  private static Result exec(String code, List<String> args) {
    try {
      Path script = Files.createTempFile("headwater-test", ".py");
      Path err = Files.createTempFile("headwater-test", ".err");
      try {
        Files.writeString(script, code);
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail("python did not finish in 120 s");
        }
        String errText = Files.readString(err).lines()
            .filter(l -> !l.contains("HDF5-DIAG") && !l.startsWith("  #"))
            .reduce("", (a, b) -> a + b + "\n");
        return new Result(p.exitValue(), out, errText);
      } finally {
        Files.deleteIfExists(script);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      if (Boolean.getBoolean("headwater.allowMissingTools")) {
        Assumptions.abort(PYTHON + " is not available: " + e.getMessage());
      }
      return new Result(127, "", PYTHON + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
