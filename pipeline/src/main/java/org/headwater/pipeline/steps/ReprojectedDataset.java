package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.Map;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.geo.GridAxes;
import org.headwater.pipeline.geo.Resampling;
import org.headwater.pipeline.geo.Transforms;
import org.opengis.referencing.operation.MathTransform;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.ma2.IndexIterator;

/**
 * The dataset a {@code reproject} step makes, read region by region: for a region of the target
 * grid it transforms the cells' centres (and, for average, corners) into the source CRS, reads
 * the source window they fall in, and resamples it. New x/y coordinates, 2-D longitude/latitude
 * and the grid mapping are computed, never read.
 */
final class ReprojectedDataset extends DerivedDataset {
  /** What a target variable is made from. */
  enum Kind { GRIDDED, X, Y, LON, LAT, MAPPING }

  private final GridAxes source;
  private final GridAxes target;
  private final Resampling method;
  private final Map<String, Kind> kinds;
  private final MathTransform toSource;

  ReprojectedDataset(Dataset input, DatasetSchema schema, GridAxes source, GridAxes target,
      Resampling method, Map<String, Kind> kinds) {
    super(input, schema);
    this.source = source;
    this.target = target;
    this.method = method;
    this.kinds = Map.copyOf(kinds);
    this.toSource = target.crs().to(source.crs());
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    Variable v = schema().variable(variable);
    Kind kind = kinds.get(variable);
    if (kind == null) {
      return input.read(variable, origin, shape);
    }
    switch (kind) {
      case X:
        return axis(target.x0(), target.dx(), origin[0], shape[0]);
      case Y:
        return axis(target.y0(), target.dy(), origin[0], shape[0]);
      case MAPPING:
        return Array.factory(DataType.INT, new int[0], new int[] {0});
      case LON:
      case LAT:
        return lonLat(kind == Kind.LON ? 0 : 1, origin, shape);
      default:
        return gridded(v, origin, shape);
    }
  }

  private static Array axis(double start, double step, int from, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = start + (from + i) * step;
    }
    return Array.factory(DataType.DOUBLE, new int[] {n}, out);
  }

  private Array lonLat(int which, int[] origin, int[] shape) {
    double[] pts = centres(origin[0], origin[1], shape[0], shape[1]);
    Transforms.transform(target.crs().to(org.headwater.pipeline.geo.GridCrs.lonLat()), pts,
        pts.length / 2);
    double[] out = new double[shape[0] * shape[1]];
    for (int i = 0; i < out.length; i++) {
      out[i] = pts[2 * i + which];
    }
    return Array.factory(DataType.DOUBLE, shape.clone(), out);
  }

  /** Target cell centres of a region as interleaved x/y. */
  private double[] centres(int r0, int c0, int nr, int nc) {
    double[] pts = new double[2 * nr * nc];
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        pts[2 * (r * nc + c)] = target.x0() + (c0 + c) * target.dx();
        pts[2 * (r * nc + c) + 1] = target.y0() + (r0 + r) * target.dy();
      }
    }
    return pts;
  }

  private Array gridded(Variable v, int[] origin, int[] shape) throws IOException {
    int n = shape.length;
    int r0 = origin[n - 2];
    int c0 = origin[n - 1];
    int nr = shape[n - 2];
    int nc = shape[n - 1];
    double[] at = toSourcePixels(centres(r0, c0, nr, nc));
    double[] corners = method == Resampling.AVERAGE ? toSourcePixels(corners(r0, c0, nr, nc))
        : new double[0];
    int[] win = window(at, corners);
    Array out = Array.factory(v.dtype().dataType(), shape);
    if (win == null) {
      fill(out, v);
      return out;
    }
    int[] so = origin.clone();
    int[] ss = shape.clone();
    so[n - 2] = win[1];
    so[n - 1] = win[0];
    ss[n - 2] = win[3] - win[1] + 1;
    ss[n - 1] = win[2] - win[0] + 1;
    int w = ss[n - 1];
    int h = ss[n - 2];
    Array src = input.read(v.name(), so, ss);
    double missing = v.dtype().isIntegral() && v.fillValue() != null
        ? v.fillValue().doubleValue() : Double.NaN;
    IndexIterator in = src.getIndexIterator();
    IndexIterator o = out.getIndexIterator();
    int planes = (int) (src.getSize() / ((long) w * h));
    double[] plane = new double[w * h];
    double[] foot = new double[4];
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < plane.length; i++) {
        double x = in.getDoubleNext();
        plane[i] = x == missing ? Double.NaN : x;
      }
      for (int k = 0; k < nr * nc; k++) {
        if (method == Resampling.AVERAGE) {
          footprint(corners, k / nc, k % nc, nc, win, foot);
        }
        double value = method.at(plane, w, h, at[2 * k] - win[0], at[2 * k + 1] - win[1], foot);
        put(o, v.dtype(), value, missing);
      }
    }
    return out;
  }

  private static void put(IndexIterator o, DType type, double value, double missing) {
    if (type.isIntegral()) {
      o.setLongNext((long) Math.rint(Double.isNaN(value) ? missing : value));
    } else {
      o.setDoubleNext(value);
    }
  }

  private static void fill(Array out, Variable v) {
    double missing = v.dtype().isIntegral() && v.fillValue() != null
        ? v.fillValue().doubleValue() : Double.NaN;
    IndexIterator o = out.getIndexIterator();
    while (o.hasNext()) {
      put(o, v.dtype(), Double.NaN, missing);
    }
  }

  private double[] corners(int r0, int c0, int nr, int nc) {
    double[] pts = new double[2 * (nr + 1) * (nc + 1)];
    for (int r = 0; r <= nr; r++) {
      for (int c = 0; c <= nc; c++) {
        pts[2 * (r * (nc + 1) + c)] = target.x0() + (c0 + c - 0.5) * target.dx();
        pts[2 * (r * (nc + 1) + c) + 1] = target.y0() + (r0 + r - 0.5) * target.dy();
      }
    }
    return pts;
  }

  /** Source CRS coordinates to source pixel coordinates, in place. */
  private double[] toSourcePixels(double[] pts) {
    Transforms.transform(toSource, pts, pts.length / 2);
    for (int i = 0; i < pts.length; i += 2) {
      pts[i] = source.column(pts[i]);
      pts[i + 1] = source.row(pts[i + 1]);
    }
    return pts;
  }

  /** {colMin, rowMin, colMax, rowMax} of the source cells needed, or null when none. */
  private int[] window(double[] at, double[] corners) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] pts : new double[][] {at, corners}) {
      for (int i = 0; i < pts.length; i += 2) {
        if (Double.isFinite(pts[i]) && Double.isFinite(pts[i + 1])) {
          b[0] = Math.min(b[0], pts[i]);
          b[1] = Math.min(b[1], pts[i + 1]);
          b[2] = Math.max(b[2], pts[i]);
          b[3] = Math.max(b[3], pts[i + 1]);
        }
      }
    }
    int[] w = {(int) Math.max(0, Math.floor(b[0]) - 1), (int) Math.max(0, Math.floor(b[1]) - 1),
        (int) Math.min(source.nx() - 1, Math.ceil(b[2]) + 1),
        (int) Math.min(source.ny() - 1, Math.ceil(b[3]) + 1)};
    return b[0] > b[2] || w[0] > w[2] || w[1] > w[3] ? null : w;
  }

  private static void footprint(double[] corners, int r, int c, int nc, int[] win, double[] f) {
    f[0] = Double.MAX_VALUE;
    f[1] = Double.MAX_VALUE;
    f[2] = -Double.MAX_VALUE;
    f[3] = -Double.MAX_VALUE;
    for (int dr = 0; dr <= 1; dr++) {
      for (int dc = 0; dc <= 1; dc++) {
        int k = 2 * ((r + dr) * (nc + 1) + c + dc);
        f[0] = Math.min(f[0], corners[k] - win[0]);
        f[1] = Math.min(f[1], corners[k + 1] - win[1]);
        f[2] = Math.max(f[2], corners[k] - win[0]);
        f[3] = Math.max(f[3], corners[k + 1] - win[1]);
      }
    }
  }
}
