package org.headwater.pipeline.geo;

import java.util.List;
import java.util.function.UnaryOperator;

/** The WGS 84 longitude/latitude box around a rectangle of a grid's CRS. */
public final class LonLatBounds {
  /** Points per edge: a projected rectangle's edges are curves in longitude/latitude. */
  private static final int STEPS = 32;

  private LonLatBounds() {}

  /**
   * {west, south, east, north} in degrees around {xmin, ymin, xmax, ymax} of {@code crs}, from
   * points along the rectangle's edges; a rectangle holding a pole reaches it, over all
   * longitudes.
   */
  public static List<Double> of(GridCrs crs, double[] bounds) {
    if (crs.isGeographic()) {
      return List.of(bounds[0], bounds[1], bounds[2], bounds[3]);
    }
    UnaryOperator<double[]> toLonLat = crs.toLonLat();
    double w = Double.POSITIVE_INFINITY;
    double s = Double.POSITIVE_INFINITY;
    double e = Double.NEGATIVE_INFINITY;
    double n = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= STEPS; i++) {
      double f = (double) i / STEPS;
      double x = bounds[0] + f * (bounds[2] - bounds[0]);
      double y = bounds[1] + f * (bounds[3] - bounds[1]);
      for (double[] p : new double[][] {
          {x, bounds[1]}, {x, bounds[3]}, {bounds[0], y}, {bounds[2], y}}) {
        double[] ll = toLonLat.apply(p);
        w = Math.min(w, ll[0]);
        e = Math.max(e, ll[0]);
        s = Math.min(s, ll[1]);
        n = Math.max(n, ll[1]);
      }
    }
    if (holds(crs, bounds, 90)) {
      return List.of(-180.0, s, 180.0, 90.0);
    }
    if (holds(crs, bounds, -90)) {
      return List.of(-180.0, -90.0, 180.0, n);
    }
    return List.of(w, s, e, n);
  }

  private static boolean holds(GridCrs crs, double[] b, double lat) {
    try {
      double[] p = crs.fromLonLat().apply(new double[] {0, lat});
      return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
    } catch (RuntimeException outsideDomain) {
      return false; // the projection cannot reach this pole, so the rectangle cannot hold it
    }
  }
}
