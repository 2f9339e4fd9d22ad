package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.util.List;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.geo.GridCrs;
import org.headwater.pipeline.geo.GridMappings;
import org.headwater.pipeline.output.OutputException;
import ucar.ma2.Array;

/**
 * The regular grid a variable's last two dimensions span, as GeoTIFF needs it: the CRS (from the
 * CF grid mapping, or WGS 84 for longitude/latitude axes) and the affine transform from pixel
 * corners to CRS coordinates, north up.
 *
 * @param yDim the row dimension
 * @param xDim the column dimension
 * @param width columns
 * @param height rows
 * @param left x of the left edge of the first column
 * @param top y of the top edge of the first row written (the northernmost)
 * @param dx column width (positive)
 * @param dy row height (positive; rows go south)
 * @param flip whether the file's rows run south to north, so rows are written in reverse
 * @param crs the CRS
 */
public record RasterGrid(
    String yDim, String xDim, int width, int height, double left, double top, double dx,
    double dy, boolean flip, GridCrs crs) {

  /** Relative tolerance for a coordinate step to count as regular. */
  private static final double REGULAR = 1e-6;

  /** {left, dx, 0, top, 0, -dy}: GDAL's geotransform. */
  public double[] geoTransform() {
    return new double[] {left, dx, 0, top, 0, -dy};
  }

  /** The grid's bounds {xmin, ymin, xmax, ymax} in its CRS. */
  public double[] bounds() {
    return new double[] {left, top - height * dy, left + width * dx, top};
  }

  /**
   * The grid of a variable.
   *
   * @throws OutputException naming the variable and saying what to add when it has none
   */
  public static RasterGrid of(Dataset data, Variable v, String output) throws IOException {
    GridCrs crs = checkCrs(data.schema(), v, output);
    String yDim = v.dims().get(v.dims().size() - 2);
    String xDim = v.dims().get(v.dims().size() - 1);
    double[] xs = values(data, xDim);
    double[] ys = values(data, yDim);
    double dx = step(xs, output, v, xDim);
    double dy = step(ys, output, v, yDim);
    if (dx <= 0) {
      throw new OutputException("output '" + output + "': variable '" + v.name() + "' has x"
          + " coordinates that decrease; reverse them before writing GeoTIFF");
    }
    boolean flip = dy > 0;
    double top = flip ? ys[ys.length - 1] + dy / 2 : ys[0] - dy / 2;
    return new RasterGrid(yDim, xDim, xs.length, ys.length, xs[0] - dx / 2, top, dx,
        Math.abs(dy), flip, crs);
  }

  /**
   * The CRS of a variable's grid, checked before any data is read.
   *
   * @throws OutputException naming the variable and saying what to add when it has no grid
   */
  public static GridCrs checkCrs(DatasetSchema s, Variable v, String output) {
    List<String> dims = v.dims();
    if (dims.size() < 2) {
      throw noGrid(output, v, "it has " + dims.size() + " dimension(s), GeoTIFF needs y and x");
    }
    String yDim = dims.get(dims.size() - 2);
    String xDim = dims.get(dims.size() - 1);
    Variable x = s.findVariable(xDim).orElse(null);
    Variable y = s.findVariable(yDim).orElse(null);
    if (x == null || y == null || x.dims().size() != 1 || y.dims().size() != 1) {
      throw noGrid(output, v, "its dimensions '" + yDim + "', '" + xDim + "' have no 1-D"
          + " coordinate variables");
    }
    return crs(s, v, x, y, output);
  }

  private static GridCrs crs(DatasetSchema s, Variable v, Variable x, Variable y, String output) {
    String gm = v.attributeText("grid_mapping");
    if (gm != null) {
      Variable mapping = s.findVariable(gm.trim()).orElseThrow(() -> noGrid(output, v,
          "its grid_mapping '" + gm + "' is not in the dataset; keep it with select_variables"));
      try {
        return GridMappings.crs(mapping.attributes());
      } catch (IllegalArgumentException e) {
        throw new OutputException("output '" + output + "': variable '" + v.name()
            + "', grid_mapping '" + gm + "': " + e.getMessage(), e);
      }
    }
    if (isDegrees(x, "east", "longitude") && isDegrees(y, "north", "latitude")) {
      return GridCrs.lonLat();
    }
    throw noGrid(output, v, "it has no grid_mapping attribute and its x/y coordinates are not"
        + " longitude/latitude");
  }

  private static boolean isDegrees(Variable c, String direction, String standardName) {
    String units = c.attributeText("units");
    return standardName.equals(c.attributeText("standard_name"))
        || units != null && units.trim().equals("degrees_" + direction);
  }

  private static OutputException noGrid(String output, Variable v, String why) {
    return new OutputException("output '" + output + "': variable '" + v.name()
        + "' has no recognisable grid for GeoTIFF (" + why + "); give it a CF grid_mapping with"
        + " projected x/y coordinates, or longitude/latitude coordinates, or drop it with"
        + " select_variables");
  }

  private static double[] values(Dataset data, String dim) throws IOException {
    Array a = data.readAll(dim);
    double[] out = new double[(int) a.getSize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getDouble(i);
    }
    return out;
  }

  private static double step(double[] c, String output, Variable v, String dim) {
    if (c.length < 2) {
      throw noGrid(output, v, "dimension '" + dim + "' has fewer than 2 positions");
    }
    double d = (c[c.length - 1] - c[0]) / (c.length - 1);
    for (int i = 1; i < c.length; i++) {
      if (Math.abs(c[i] - c[i - 1] - d) > REGULAR * Math.abs(d) + 1e-9) {
        throw new OutputException("output '" + output + "': variable '" + v.name() + "': '"
            + dim + "' is not evenly spaced (step " + (c[i] - c[i - 1]) + " at " + i + ", mean "
            + d + "); regrid it with a reproject step before writing GeoTIFF");
      }
    }
    return d;
  }
}
