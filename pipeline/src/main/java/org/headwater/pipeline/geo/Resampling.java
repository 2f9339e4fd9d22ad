package org.headwater.pipeline.geo;

import java.util.Locale;

/**
 * Resampling of one source plane at target cells given in source pixel coordinates (cell centres
 * are whole numbers, as in {@link GridAxes#column}); GDAL's warp kernels' conventions: missing
 * (NaN) source cells are left out and the remaining weights renormalised.
 */
public enum Resampling {
  /** The source cell containing the target cell's centre. */
  NEAREST,
  /** Bilinear interpolation between the four source cell centres around it. */
  BILINEAR,
  /** The mean of the source cells under the target cell, weighted by the area they cover. */
  AVERAGE;

  /** The method named in a recipe ({@code nearest}, {@code bilinear}, {@code average}). */
  public static Resampling parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The value at one target cell.
   *
   * @param src the source plane, row-major, {@code w} columns and {@code h} rows
   * @param col the target centre's source column (fraction)
   * @param row the target centre's source row
   * @param foot for {@link #AVERAGE}: {colMin, rowMin, colMax, rowMax} of the cell's footprint
   */
  public double at(double[] src, int w, int h, double col, double row, double[] foot) {
    switch (this) {
      case NEAREST: {
        int c = (int) Math.floor(col + 0.5);
        int r = (int) Math.floor(row + 0.5);
        return c < 0 || r < 0 || c >= w || r >= h ? Double.NaN : src[r * w + c];
      }
      case BILINEAR: {
        if (col < -0.5 || row < -0.5 || col > w - 0.5 || row > h - 0.5) {
          return Double.NaN;
        }
        int c0 = (int) Math.floor(col);
        int r0 = (int) Math.floor(row);
        double fc = col - c0;
        double fr = row - r0;
        double sum = 0;
        double weight = 0;
        for (int dr = 0; dr <= 1; dr++) {
          for (int dc = 0; dc <= 1; dc++) {
            int c = c0 + dc;
            int r = r0 + dr;
            double wgt = (dc == 0 ? 1 - fc : fc) * (dr == 0 ? 1 - fr : fr);
            if (c >= 0 && r >= 0 && c < w && r < h && wgt > 0 && !Double.isNaN(src[r * w + c])) {
              sum += wgt * src[r * w + c];
              weight += wgt;
            }
          }
        }
        return weight > 0 ? sum / weight : Double.NaN;
      }
      default:
        return average(src, w, h, foot);
    }
  }

  private static double average(double[] src, int w, int h, double[] f) {
    double c0 = f[0] + 0.5;
    double r0 = f[1] + 0.5;
    double c1 = f[2] + 0.5;
    double r1 = f[3] + 0.5;
    double sum = 0;
    double weight = 0;
    for (int r = Math.max(0, (int) Math.floor(r0)); r < Math.min(h, Math.ceil(r1)); r++) {
      double wr = Math.min(r + 1, r1) - Math.max(r, r0);
      for (int c = Math.max(0, (int) Math.floor(c0)); c < Math.min(w, Math.ceil(c1)); c++) {
        double wc = Math.min(c + 1, c1) - Math.max(c, c0);
        double v = src[r * w + c];
        if (wr > 0 && wc > 0 && !Double.isNaN(v)) {
          sum += wr * wc * v;
          weight += wr * wc;
        }
      }
    }
    return weight > 0 ? sum / weight : Double.NaN;
  }
}
