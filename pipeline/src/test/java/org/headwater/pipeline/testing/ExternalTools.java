package org.headwater.pipeline.testing;

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
 * Debian tools the tests use: {@code /usr/bin/python3} with xarray/zarr/netCDF4, ncgen and NCO. A missing
 * tool fails the test with the {@code apt-get install} line to run, or skips it when {@code
 * -Dheadwater.allowMissingTools=true}.
 */
public final class ExternalTools {
  public static final String PYTHON = System.getProperty("headwater.python", "/usr/bin/python3");

  private ExternalTools() {}

  /** Requires a tool by running {@code argv}; {@code install} is the Debian package list. */
  public static void require(String install, String... argv) {
    Result r = exec(List.of(argv));
    if (r.exitCode() != 0) {
      String message = argv[0] + " is not usable (apt-get install " + install + "): " + r.stderr();
      if (Boolean.getBoolean("headwater.allowMissingTools")) {
        Assumptions.abort(message);
      }
      fail(message);
    }
  }

  public static void requireXarray() {
    require("python3-xarray python3-zarr python3-netcdf4 python3-pandas", PYTHON, "-c",
        "import xarray, zarr, netCDF4, pandas");
  }

  public static void requireNco() {
    require("nco", "ncks", "--version");
  }

  /** Makes {@code out} from the CDL file {@code cdl} with Debian's ncgen ({@code kind}: nc3, nc4, ...). */
  public static Path ncgen(Path cdl, String kind, Path out) {
    require("netcdf-bin", "ncgen", "-h");
    Result r = exec(List.of("ncgen", "-k", kind, "-o", out.toString(), cdl.toString()));
    if (r.exitCode() != 0) {
      fail("ncgen exited with " + r.exitCode() + " on " + cdl + ":\n" + r.stderr() + r.stdout());
    }
    return out;
  }

  /** Runs a Python script with arguments; returns stdout, failing on a non-zero exit. */
  public static String python(String script, String... args) {
    List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
    command.addAll(List.of(args));
    Result r = exec(command);
    if (r.exitCode() != 0) {
      fail(PYTHON + " exited with " + r.exitCode() + ":\n" + r.stderr() + r.stdout());
    }
    return r.stdout();
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result exec(List<String> command) {
    try {
      Path err = Files.createTempFile("tool-stderr", ".txt");
      try {
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Result(-1, out, "timed out after 180 s");
        }
        return new Result(p.exitValue(), out, Files.readString(err));
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return new Result(-1, "", "cannot run " + command.get(0) + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
