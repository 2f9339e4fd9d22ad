package org.headwater.pipeline.format.netcdf;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Deletes the {@code _Unsigned} attributes NetCDF-Java leaves in a NetCDF-4 file.
 *
 * <p>NetCDF-Java 4.5.5 has no unsigned data types: {@code Variable.isUnsigned()} reads the
 * {@code _Unsigned = "true"} attribute, and {@code Nc4Iosp} defines such a variable as {@code
 * NC_UBYTE}/{@code NC_USHORT}/{@code NC_UINT} but also writes the attribute itself. In NetCDF-4 the
 * type says it all and {@code _Unsigned} is an attribute internal to NetCDF-3's convention, which
 * no output may carry; so once NetCDF-Java has closed the file, netCDF-C deletes it ({@code
 * nc_del_att}), holding {@link NetcdfC}'s lock like every other netCDF-C call.
 */
public final class UnsignedMarks {
  private static final int NC_WRITE = 0x0001;
  private static final String UNSIGNED = "_Unsigned";

  private UnsignedMarks() {}

  /** The four netCDF-C functions used; libnetcdf is found as for NetCDF-Java (jna.library.path). */
  interface NetcdfLibrary extends Library {
    int nc_open(String path, int mode, IntByReference ncid);

    int nc_inq_varid(int ncid, String name, IntByReference varid);

    int nc_del_att(int ncid, int varid, String name);

    int nc_close(int ncid);

    String nc_strerror(int status);
  }

  private static final class Loaded {
    static final NetcdfLibrary LIB = Native.load("netcdf", NetcdfLibrary.class);
  }

  /** Deletes {@code _Unsigned} from {@code variables} of the NetCDF-4 file {@code file}. */
  public static void remove(Path file, List<String> variables) throws IOException {
    if (variables.isEmpty()) {
      return;
    }
    NetcdfC.run(() -> {
      NetcdfLibrary nc = Loaded.LIB;
      IntByReference ncid = new IntByReference();
      check(nc, nc.nc_open(file.toString(), NC_WRITE, ncid), file, "open");
      try {
        for (String name : variables) {
          IntByReference varid = new IntByReference();
          check(nc, nc.nc_inq_varid(ncid.getValue(), name, varid), file, "find " + name);
          check(nc, nc.nc_del_att(ncid.getValue(), varid.getValue(), UNSIGNED), file,
              "delete " + name + ":" + UNSIGNED);
        }
      } finally {
        check(nc, nc.nc_close(ncid.getValue()), file, "close");
      }
    });
  }

  private static void check(NetcdfLibrary nc, int status, Path file, String what) throws IOException {
    if (status != 0) {
      throw new IOException("netCDF-C could not " + what + " in " + file + ": " + nc.nc_strerror(status));
    }
  }
}
