package org.headwater.pipeline.steps;

import java.util.List;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.ma2.Index;

/**
 * Cell bounds of coarsened cells: each vertex of a coarse cell is the matching outer corner of its
 * block of fine cells, the way CF section 7.1 describes bounds (the last dimension holds a cell's
 * vertices: 2 for 1-D cells, 4 for the cells of 2-D lat/lon).
 *
 * <p>Which fine cell gives vertex {@code k} depends on which side of the cell that vertex lies
 * along each coarsened dimension. CF fixes the direction of traversal in the lon-lat plane but
 * not the starting vertex, so the side is read from the data: vertex {@code k} of the block's first
 * cell lies on the high side of a dimension when the next cell along it has a vertex at the same
 * point (compared over all bounds variables of the same shape at once, e.g. lat_bnds with
 * lon_bnds, so that a point is a (lat, lon) pair). When that does not split the vertices in
 * halves (bounds with gaps, or NaN), the usual index order is assumed: for 2 vertices {@code
 * [low, high]}; for 4, {@code (j, i), (j, i+1), (j+1, i+1), (j+1, i)} as cf_xarray and CDO write
 * them.
 */
final class CoarseBounds {
  private CoarseBounds() {}

  /**
   * Coarse bounds for the coarse cells {@code origin + shape} (without the vertex dimension).
   *
   * @param fine the fine bounds of the blocks, one array per bounds variable of the same shape,
   *     the one to compute first; each of shape {@code shape * f} plus all vertices
   * @param shape the coarse cells wanted (the vertex dimension last, as in {@code fine})
   * @param f the factor of each dimension (1 for the vertex dimension)
   */
  static Array coarsen(List<Array> fine, int[] shape, int[] f, DataType type) {
    int rank = shape.length - 1;
    int nv = fine.get(0).getShape()[rank];
    int[] outShape = shape.clone();
    outShape[rank] = nv;
    Array out = Array.factory(type, outShape);
    Index oi = out.getIndex();
    Index fi = fine.get(0).getIndex();
    int[] cell = new int[rank];
    int cells = 1;
    for (int i = 0; i < rank; i++) {
      cells *= shape[i];
    }
    for (int n = 0; n < cells; n++) {
      for (int i = rank - 1, r = n; i >= 0; i--) {
        cell[i] = r % shape[i];
        r /= shape[i];
      }
      boolean[][] high = sides(fine, cell, f, nv);
      int[] at = new int[rank + 1];
      int[] to = new int[rank + 1];
      for (int k = 0; k < nv; k++) {
        for (int i = 0; i < rank; i++) {
          at[i] = cell[i] * f[i] + (high[k][i] ? f[i] - 1 : 0);
          to[i] = cell[i];
        }
        at[rank] = k;
        to[rank] = k;
        out.setDouble(oi.set(to), fine.get(0).getDouble(fi.set(at)));
      }
    }
    return out;
  }

  /** {@code [vertex][dim]}: whether the vertex lies on the high side of the cell along dim. */
  static boolean[][] sides(List<Array> fine, int[] cell, int[] f, int nv) {
    int rank = cell.length;
    boolean[][] high = new boolean[nv][rank];
    int[] first = new int[rank];
    for (int i = 0; i < rank; i++) {
      first[i] = cell[i] * f[i];
    }
    for (int i = 0; i < rank; i++) {
      if (f[i] < 2) {
        continue;
      }
      int[] next = first.clone();
      next[i]++;
      int highs = 0;
      for (int k = 0; k < nv; k++) {
        high[k][i] = shared(fine, first, k, next, nv);
        highs += high[k][i] ? 1 : 0;
      }
      if (2 * highs != nv) {
        for (int k = 0; k < nv; k++) {
          high[k][i] = byIndexOrder(k, nv, rank, i);
        }
      }
    }
    return high;
  }

  private static boolean byIndexOrder(int k, int nv, int rank, int dim) {
    if (nv == 2 && rank == 1) {
      return k == 1;
    }
    if (nv == 4 && rank == 2) {
      return dim == 0 ? k == 2 || k == 3 : k == 1 || k == 2;
    }
    throw new StepException(
        "cannot tell which of the " + nv + " vertices of a " + rank + "-D cell lie on which side:"
            + " neighbouring cells share no corners; coarsen the bounds variable separately"
            + " or drop it");
  }

  /** Whether vertex k of cell {@code a} is also a vertex of cell {@code b}, in every array. */
  private static boolean shared(List<Array> fine, int[] a, int k, int[] b, int nv) {
    for (int m = 0; m < nv; m++) {
      boolean all = true;
      for (Array arr : fine) {
        double x = value(arr, a, k);
        double y = value(arr, b, m);
        if (!(Math.abs(x - y) <= tolerance(arr, a, nv))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** A thousandth of the cell's extent in this array's values. */
  private static double tolerance(Array arr, int[] cell, int nv) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < nv; k++) {
      double x = value(arr, cell, k);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return (hi - lo) * 1e-3;
  }

  private static double value(Array arr, int[] cell, int k) {
    int[] at = java.util.Arrays.copyOf(cell, cell.length + 1);
    at[cell.length] = k;
    return arr.getDouble(arr.getIndex().set(at));
  }
}
