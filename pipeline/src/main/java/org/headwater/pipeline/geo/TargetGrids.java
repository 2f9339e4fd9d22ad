package org.headwater.pipeline.geo;

import org.apache.sis.referencing.CRS;
import org.opengis.metadata.extent.GeographicBoundingBox;
import org.opengis.referencing.operation.MathTransform;

/**
 * The grid a reprojection writes: given bounds and/or resolution in the target CRS, the rest
 * chosen as gdalwarp does (bounds: the source grid's edges transformed, densified; resolution: the
 * same number of cells along the diagonal as the source).
 */
public final class TargetGrids {
  private static final int DENSIFY = 21;

  private TargetGrids() {}

  /**
   * The target grid, rows from north to south.
   *
   * @param bounds {xmin, ymin, xmax, ymax} in the target CRS, or null
   * @param resolution {dx, dy} (positive), or null
   * @throws IllegalArgumentException when the target CRS's area of use misses the source grid
   */
  public static GridAxes of(GridAxes source, GridCrs target, double[] bounds,
      double[] resolution, String yDim, String xDim) {
    double[] srcBox = source.bounds();
    MathTransform toTarget = source.crs().to(target);
    double[] b = bounds != null ? bounds : edges(srcBox, toTarget);
    checkAreaOfUse(source, target, srcBox);
    if (!(b[2] > b[0] && b[3] > b[1])) {
      throw new IllegalArgumentException("the grid transformed to " + target.label()
          + " has no extent; give bounds: [xmin, ymin, xmax, ymax] in " + target.label());
    }
    double[] res = resolution;
    if (res == null) {
      double diagonal = Math.hypot(source.nx(), source.ny());
      double r = Math.hypot(b[2] - b[0], b[3] - b[1]) / diagonal;
      res = new double[] {r, r};
    }
    int nx = Math.max(1, (int) Math.round((b[2] - b[0]) / res[0]));
    int ny = Math.max(1, (int) Math.round((b[3] - b[1]) / res[1]));
    return new GridAxes(yDim, xDim, b[0] + res[0] / 2, res[0], nx, b[3] - res[1] / 2, -res[1],
        ny, target);
  }

  /** The source box's edges, densified, transformed; their bounding box. */
  private static double[] edges(double[] box, MathTransform t) {
    double[] pts = new double[2 * 4 * DENSIFY];
    int k = 0;
    for (int i = 0; i < DENSIFY; i++) {
      double f = (double) i / (DENSIFY - 1);
      double x = box[0] + f * (box[2] - box[0]);
      double y = box[1] + f * (box[3] - box[1]);
      double[][] edge = {{x, box[1]}, {x, box[3]}, {box[0], y}, {box[2], y}};
      for (double[] p : edge) {
        pts[k++] = p[0];
        pts[k++] = p[1];
      }
    }
    Transforms.transform(t, pts, pts.length / 2);
    double[] out = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < pts.length; i += 2) {
      if (Double.isFinite(pts[i]) && Double.isFinite(pts[i + 1])) {
        out[0] = Math.min(out[0], pts[i]);
        out[1] = Math.min(out[1], pts[i + 1]);
        out[2] = Math.max(out[2], pts[i]);
        out[3] = Math.max(out[3], pts[i + 1]);
      }
    }
    return out;
  }

  private static void checkAreaOfUse(GridAxes source, GridCrs target, double[] srcBox) {
    GeographicBoundingBox area = CRS.getGeographicBoundingBox(target.crs());
    if (area == null) {
      return;
    }
    double[] ll = edges(srcBox, source.crs().to(GridCrs.lonLat()));
    boolean misses = ll[3] < area.getSouthBoundLatitude() || ll[1] > area.getNorthBoundLatitude()
        || (area.getWestBoundLongitude() <= area.getEastBoundLongitude()
            && (ll[2] < area.getWestBoundLongitude() || ll[0] > area.getEastBoundLongitude()));
    if (misses) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s is for longitudes %.1f to %.1f and latitudes %.1f to %.1f, which the grid"
              + " (longitudes %.1f to %.1f, latitudes %.1f to %.1f) lies outside; choose a CRS"
              + " whose area of use covers the data", target.label(),
          area.getWestBoundLongitude(), area.getEastBoundLongitude(),
          area.getSouthBoundLatitude(), area.getNorthBoundLatitude(), ll[0], ll[2], ll[1], ll[3]));
    }
  }
}
