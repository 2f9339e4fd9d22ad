package org.headwater.pipeline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.headwater.pipeline.geo.GridCrs;
import ucar.ma2.ArrayDouble;
import ucar.ma2.ArrayFloat;
import ucar.ma2.ArrayInt;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * Writes the offline demo's source files: an ice-sheet surface-speed ensemble shaped like the
 * Greenland "calibrated mass loss projections" archive, one NetCDF-3 file per ensemble member, on
 * a polar-stereographic EPSG:3413 grid (x/y in metres, 2-D lat/lon), {@code _FillValue} -2e9 off
 * the ice, time as {@code seconds since 1-1-1} in a {@code 365_day} calendar with bounds. Member 4
 * is missing, as in a real archive with a failed model run.
 */
public final class DemoData {
  /** The ensemble member ids the demo recipe asks for. */
  public static final int[] MEMBERS = {1, 2, 3, 4, 5, 6};
  /** The member that has no file. */
  public static final int MISSING_MEMBER = 4;
  public static final int NX = 40;
  public static final int NY = 70;
  public static final int NT = 3;
  public static final double X0 = -640000;
  public static final double Y0 = -3360000;
  public static final double DX = 40000;
  public static final float FILL = -2e9f;
  public static final int FIRST_YEAR = 2015;
  /** An undeclared missing code some cells hold, as in real archives (masked by the recipe). */
  public static final float LEGACY_MISSING = -9999f;
  /** The scalar mass-change series' file name (gzipped CSV). */
  public static final String MASS_FILE = "mass_balance.csv.gz";
  public static final int MASS_FIRST_YEAR = 1992;
  public static final int MASS_LAST_YEAR = 2020;
  /** The year whose mass is missing (written as -9999). */
  public static final int MASS_MISSING_YEAR = 2005;

  private DemoData() {}

  /** Writes the member files into {@code dir}; returns their paths. */
  public static List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (int m : MEMBERS) {
      if (m == MISSING_MEMBER) {
        continue;
      }
      Path p = dir.resolve(String.format("speed_member%02d.nc", m));
      writeMember(p, m);
      out.add(p);
    }
    Path mass = dir.resolve(MASS_FILE);
    DemoMass.write(mass);
    out.add(mass);
    return out;
  }

  /** The value stored in a member file: the speed, the fill value off the ice, or -9999 at a few
   * cells on the ice (an undeclared missing code). */
  public static float stored(int member, int t, int j, int i) {
    double s = speed(member, t, j, i);
    if (Double.isNaN(s)) {
      return FILL;
    }
    return isLegacyMissing(member, t, j, i) ? LEGACY_MISSING : (float) s;
  }

  /** Whether a cell holds the undeclared missing code -9999. */
  public static boolean isLegacyMissing(int member, int t, int j, int i) {
    return !Double.isNaN(speed(member, t, j, i)) && (i * 7 + j * 3 + t + member) % 29 == 0;
  }

  /** The file name of a member. */
  public static String fileName(int member) {
    return String.format("speed_member%02d.nc", member);
  }

  /** The demo's surface speed in m/year at a cell, or NaN off the ice. */
  public static double speed(int member, int t, int j, int i) {
    double x = X0 + i * DX;
    double y = Y0 + j * DX;
    double cx = 120000;
    double cy = -1980000;
    double r = Math.pow((x - cx) / 620000, 2) + Math.pow((y - cy) / 1250000, 2);
    if (r > 1) {
      return Double.NaN;
    }
    double outlet = Math.exp(-(Math.pow(x - 450000, 2) + Math.pow(y - -2250000, 2)) / 4.0e10);
    return Math.round((5 + 1200 * outlet + 40 * (1 - r) + 3 * member + 2 * t) * 100) / 100.0;
  }

  private static void writeMember(Path p, int member) throws IOException {
    Files.deleteIfExists(p);
    NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, p.toString());
    try {
      w.addDimension(null, "time", NT);
      w.addDimension(null, "nv", 2);
      w.addDimension(null, "y", NY);
      w.addDimension(null, "x", NX);
      Variable time = w.addVariable(null, "time", DataType.DOUBLE, "time");
      attr(w, time, "units", "seconds since 1-1-1");
      attr(w, time, "calendar", "365_day");
      attr(w, time, "standard_name", "time");
      attr(w, time, "axis", "T");
      attr(w, time, "bounds", "time_bnds");
      Variable bnds = w.addVariable(null, "time_bnds", DataType.DOUBLE, "time nv");
      Variable x = w.addVariable(null, "x", DataType.DOUBLE, "x");
      attr(w, x, "units", "m");
      attr(w, x, "standard_name", "projection_x_coordinate");
      attr(w, x, "axis", "X");
      Variable y = w.addVariable(null, "y", DataType.DOUBLE, "y");
      attr(w, y, "units", "m");
      attr(w, y, "standard_name", "projection_y_coordinate");
      attr(w, y, "axis", "Y");
      Variable lat = w.addVariable(null, "lat", DataType.DOUBLE, "y x");
      attr(w, lat, "units", "degrees_north");
      attr(w, lat, "standard_name", "latitude");
      Variable lon = w.addVariable(null, "lon", DataType.DOUBLE, "y x");
      attr(w, lon, "units", "degrees_east");
      attr(w, lon, "standard_name", "longitude");
      Variable mapping = w.addVariable(null, "mapping", DataType.INT, "");
      attr(w, mapping, "grid_mapping_name", "polar_stereographic");
      w.addVariableAttribute(mapping, new Attribute("straight_vertical_longitude_from_pole", -45.0));
      w.addVariableAttribute(mapping, new Attribute("latitude_of_projection_origin", 90.0));
      w.addVariableAttribute(mapping, new Attribute("standard_parallel", 70.0));
      w.addVariableAttribute(mapping, new Attribute("false_easting", 0.0));
      w.addVariableAttribute(mapping, new Attribute("false_northing", 0.0));
      w.addVariableAttribute(mapping, new Attribute("semi_major_axis", 6378137.0));
      w.addVariableAttribute(mapping, new Attribute("inverse_flattening", 298.257223563));
      attr(w, mapping, "crs_wkt_name", "EPSG:3413");
      Variable speed = w.addVariable(null, "velsurf_mag", DataType.FLOAT, "time y x");
      attr(w, speed, "units", "m year-1");
      attr(w, speed, "long_name", "magnitude of horizontal surface velocity");
      attr(w, speed, "standard_name", "land_ice_surface_velocity");
      attr(w, speed, "grid_mapping", "mapping");
      attr(w, speed, "coordinates", "lat lon");
      w.addVariableAttribute(speed, new Attribute("_FillValue", FILL));
      w.addGroupAttribute(null, new Attribute("Conventions", "CF-1.8"));
      w.addGroupAttribute(null, new Attribute("title", "Greenland ice sheet surface speed (synthetic demo)"));
      w.addGroupAttribute(null, new Attribute("institution", "Headwater demo"));
      w.addGroupAttribute(null, new Attribute("source", "synthetic field shaped like an ISMIP6 projection"));
      w.addGroupAttribute(null, new Attribute("member_id", member));
      w.create();
      ArrayDouble.D1 tv = new ArrayDouble.D1(NT);
      ArrayDouble.D2 tb = new ArrayDouble.D2(NT, 2);
      for (int t = 0; t < NT; t++) {
        double yearStart = (FIRST_YEAR + t - 1) * 365.0 * 86400.0;
        tv.set(t, yearStart + 182.5 * 86400.0);
        tb.set(t, 0, yearStart);
        tb.set(t, 1, yearStart + 365.0 * 86400.0);
      }
      w.write(time, tv);
      w.write(bnds, tb);
      ArrayDouble.D1 xv = new ArrayDouble.D1(NX);
      ArrayDouble.D1 yv = new ArrayDouble.D1(NY);
      for (int i = 0; i < NX; i++) {
        xv.set(i, X0 + i * DX);
      }
      for (int j = 0; j < NY; j++) {
        yv.set(j, Y0 + j * DX);
      }
      w.write(x, xv);
      w.write(y, yv);
      UnaryOperator<double[]> toLonLat = GridCrs.of("EPSG:3413").toLonLat();
      ArrayDouble.D2 latv = new ArrayDouble.D2(NY, NX);
      ArrayDouble.D2 lonv = new ArrayDouble.D2(NY, NX);
      for (int j = 0; j < NY; j++) {
        for (int i = 0; i < NX; i++) {
          double[] ll = toLonLat.apply(new double[] {X0 + i * DX, Y0 + j * DX});
          lonv.set(j, i, ll[0]);
          latv.set(j, i, ll[1]);
        }
      }
      w.write(lat, latv);
      w.write(lon, lonv);
      ArrayInt.D0 mv = new ArrayInt.D0();
      mv.set(0);
      w.write(mapping, mv);
      ArrayFloat.D3 sv = new ArrayFloat.D3(NT, NY, NX);
      for (int t = 0; t < NT; t++) {
        for (int j = 0; j < NY; j++) {
          for (int i = 0; i < NX; i++) {
            sv.set(t, j, i, stored(member, t, j, i));
          }
        }
      }
      w.write(speed, sv);
    } catch (InvalidRangeException e) {
      throw new IOException("demo data: " + e.getMessage(), e);
    } finally {
      w.close();
    }
  }

  private static void attr(NetcdfFileWriter w, Variable v, String name, String value) {
    w.addVariableAttribute(v, new Attribute(name, value));
  }

}
