package org.headwater.pipeline.format.netcdf;

import java.nio.file.Files;
import java.nio.file.Path;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.output.OutputException;
import ucar.nc2.jni.netcdf.Nc4Iosp;

/** Helpers for writing NetCDF with NetCDF-Java. */
public final class NetcdfWriting {
  private static final String[] LIBRARY_DIRS = {
    "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib"
  };

  private NetcdfWriting() {}

  public static ucar.nc2.Attribute toNetcdf(Attribute a) {
    return NetcdfAttributes.to(a);
  }

  /** Makes sure NetCDF-4 writing works here (libnetcdf found through JNA), or says how to fix it. */
  public static void requireNetcdf4(String output) {
    try {
      NetcdfC.run(() -> load(output));
    } catch (java.io.IOException e) {
      throw new OutputException("output '" + output + "': cannot load the netCDF C library: " + e.getMessage(), e);
    }
  }

  /** Finds and loads libnetcdf (holding {@link NetcdfC}'s lock: loading calls nc_inq_libvers). */
  private static void load(String output) {
    if (System.getProperty("jna.library.path") == null) {
      for (String dir : LIBRARY_DIRS) {
        if (Files.exists(Path.of(dir, "libnetcdf.so"))) {
          Nc4Iosp.setLibraryAndPath(dir, "netcdf");
          break;
        }
      }
    }
    if (!Nc4Iosp.isClibraryPresent()) {
      throw new OutputException(
          "output '" + output + "': NetCDF-4 writing needs the netCDF C library (libnetcdf.so);"
              + " install it with 'apt-get install libnetcdf-dev', or use format: netcdf3");
    }
  }
}
