package org.headwater.pipeline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ucar.ma2.ArrayDouble;
import ucar.ma2.ArrayFloat;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * Writes small real NetCDF-3 files for tests: {@code time(nt)} days since 2000-01-01, {@code
 * y(ny)}, {@code x(nx)} and a float variable {@code name(time, y, x)} whose value at global time
 * index t is {@link #value}, with {@code _FillValue} -9999.
 */
public final class NetcdfFixtures {
  public static final int NY = 4;
  public static final int NX = 5;

  private NetcdfFixtures() {}

  /** The fixture's value at a global time index. */
  public static float value(String name, int t, int y, int x) {
    return name.hashCode() % 7 + t * 100 + y * 10 + x + 0.5f;
  }

  /** Writes one file holding global time steps {@code firstT .. firstT+nt-1} of {@code names}. */
  public static Path write(Path file, int firstT, int nt, double xOffset, String... names)
      throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, file.toString());
    try {
      w.addDimension(null, "time", nt);
      w.addDimension(null, "y", NY);
      w.addDimension(null, "x", NX);
      Variable time = w.addVariable(null, "time", DataType.DOUBLE, "time");
      w.addVariableAttribute(time, new Attribute("units", "days since 2000-01-01"));
      w.addVariableAttribute(time, new Attribute("calendar", "standard"));
      Variable y = w.addVariable(null, "y", DataType.DOUBLE, "y");
      w.addVariableAttribute(y, new Attribute("units", "m"));
      Variable x = w.addVariable(null, "x", DataType.DOUBLE, "x");
      w.addVariableAttribute(x, new Attribute("units", "m"));
      Variable[] vars = new Variable[names.length];
      for (int i = 0; i < names.length; i++) {
        vars[i] = w.addVariable(null, names[i], DataType.FLOAT, "time y x");
        w.addVariableAttribute(vars[i], new Attribute("units", "K"));
        w.addVariableAttribute(vars[i], new Attribute("long_name", names[i] + " field"));
        w.addVariableAttribute(vars[i], new Attribute("_FillValue", -9999f));
      }
      w.addGroupAttribute(null, new Attribute("Conventions", "CF-1.8"));
      w.addGroupAttribute(null, new Attribute("file_first_step", firstT));
      w.create();
      ArrayDouble.D1 tv = new ArrayDouble.D1(nt);
      for (int t = 0; t < nt; t++) {
        tv.set(t, firstT + t);
      }
      w.write(time, tv);
      ArrayDouble.D1 yv = new ArrayDouble.D1(NY);
      for (int j = 0; j < NY; j++) {
        yv.set(j, j * 1000.0);
      }
      w.write(y, yv);
      ArrayDouble.D1 xv = new ArrayDouble.D1(NX);
      for (int i = 0; i < NX; i++) {
        xv.set(i, i * 1000.0 + xOffset);
      }
      w.write(x, xv);
      for (int k = 0; k < names.length; k++) {
        ArrayFloat.D3 a = new ArrayFloat.D3(nt, NY, NX);
        for (int t = 0; t < nt; t++) {
          for (int j = 0; j < NY; j++) {
            for (int i = 0; i < NX; i++) {
              a.set(t, j, i, value(names[k], firstT + t, j, i));
            }
          }
        }
        w.write(vars[k], a);
      }
    } catch (InvalidRangeException e) {
      throw new IOException(e);
    } finally {
      w.close();
    }
    return file;
  }
}
