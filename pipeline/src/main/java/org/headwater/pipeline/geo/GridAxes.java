package org.headwater.pipeline.geo;

import java.io.IOException;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;

/**
 * A regular grid: cell centres {@code x0 + i * dx}, {@code y0 + j * dy} (dy may be negative) in a
 * CRS, along dimensions {@code yDim} (rows) and {@code xDim} (columns).
 */
public record GridAxes(
    String yDim, String xDim, double x0, double dx, int nx, double y0, double dy, int ny,
    GridCrs crs) {

  /** Relative tolerance for a step to count as regular. */
  private static final double REGULAR = 1e-6;

  /** Column of x as a fraction (cell centres are whole numbers). */
  public double column(double x) {
    return (x - x0) / dx;
  }

  /** Row of y as a fraction. */
  public double row(double y) {
    return (y - y0) / dy;
  }

  /** {xmin, ymin, xmax, ymax} of the cells' outer edges. */
  public double[] bounds() {
    double xa = x0 - dx / 2;
    double xb = x0 + (nx - 0.5) * dx;
    double ya = y0 - dy / 2;
    double yb = y0 + (ny - 0.5) * dy;
    return new double[] {Math.min(xa, xb), Math.min(ya, yb), Math.max(xa, xb), Math.max(ya, yb)};
  }

  /**
   * The grid of a variable's last two dimensions, from their 1-D coordinates and its CF grid
   * mapping (or longitude/latitude axes).
   *
   * @throws IllegalArgumentException naming the variable and what to add when it has no grid
   */
  public static GridAxes of(Dataset data, Variable v) throws IOException {
    DatasetSchema s = data.schema();
    if (v.dims().size() < 2) {
      throw noGrid(v, "it has fewer than two dimensions");
    }
    String yDim = v.dims().get(v.dims().size() - 2);
    String xDim = v.dims().get(v.dims().size() - 1);
    Variable x = s.findVariable(xDim).filter(c -> c.dims().size() == 1).orElse(null);
    Variable y = s.findVariable(yDim).filter(c -> c.dims().size() == 1).orElse(null);
    if (x == null || y == null) {
      throw noGrid(v, "its dimensions '" + yDim + "', '" + xDim + "' have no 1-D coordinates");
    }
    GridCrs crs = crs(s, v, x, y);
    double[] xs = values(data, xDim);
    double[] ys = values(data, yDim);
    return new GridAxes(yDim, xDim, xs[0], step(xs, v, xDim), xs.length, ys[0],
        step(ys, v, yDim), ys.length, crs);
  }

  private static GridCrs crs(DatasetSchema s, Variable v, Variable x, Variable y) {
    String gm = v.attributeText("grid_mapping");
    if (gm != null) {
      Variable m = s.findVariable(gm.trim()).orElseThrow(() -> noGrid(v,
          "its grid_mapping '" + gm + "' is not in the dataset; keep it with select_variables"));
      return GridMappings.crs(m.attributes());
    }
    if (degrees(x, "east", "longitude") && degrees(y, "north", "latitude")) {
      return GridCrs.lonLat();
    }
    throw noGrid(v, "it has no grid_mapping attribute and its x/y coordinates are not"
        + " longitude/latitude");
  }

  private static boolean degrees(Variable c, String direction, String standardName) {
    String units = c.attributeText("units");
    return standardName.equals(c.attributeText("standard_name"))
        || units != null && units.trim().equals("degrees_" + direction);
  }

  private static IllegalArgumentException noGrid(Variable v, String why) {
    return new IllegalArgumentException("variable '" + v.name() + "' has no recognisable grid ("
        + why + "); give it a CF grid_mapping with projected x/y coordinates, or"
        + " longitude/latitude coordinates");
  }

  private static double[] values(Dataset data, String dim) throws IOException {
    Array a = data.readAll(dim);
    double[] out = new double[(int) a.getSize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getDouble(i);
    }
    return out;
  }

  private static double step(double[] c, Variable v, String dim) {
    if (c.length < 2) {
      throw noGrid(v, "dimension '" + dim + "' has fewer than 2 positions");
    }
    double d = (c[c.length - 1] - c[0]) / (c.length - 1);
    for (int i = 1; i < c.length; i++) {
      if (Math.abs(c[i] - c[i - 1] - d) > REGULAR * Math.abs(d) + 1e-9) {
        throw new IllegalArgumentException("variable '" + v.name() + "': '" + dim
            + "' is not evenly spaced (step " + (c[i] - c[i - 1]) + " at " + i + ", mean " + d
            + "); only regular grids can be reprojected");
      }
    }
    return d;
  }
}
