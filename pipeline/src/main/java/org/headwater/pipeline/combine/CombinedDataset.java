package org.headwater.pipeline.combine;

import java.io.IOException;
import java.util.List;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.io.SourceCache;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.ma2.MAMath;

/**
 * Several files read as one dataset: reads of a concatenated variable are split across the files
 * that hold the requested positions; other variables come from the first file that has them.
 * Files are opened through a {@link SourceCache}, which the caller owns and closes.
 */
public final class CombinedDataset implements Dataset {
  private final Combined combined;
  private final SourceCache files;

  public CombinedDataset(Combined combined, SourceCache files) {
    this.combined = combined;
    this.files = files;
  }

  @Override
  public DatasetSchema schema() {
    return combined.schema();
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    Variable v = combined.schema().variable(variable);
    Layout layout = combined.layout();
    if (layout.newDim() && variable.equals(layout.concatDim())) {
      Array out = Array.factory(v.dtype().dataType(), shape);
      for (int i = 0; i < shape[0]; i++) {
        out.setDouble(i, layout.newDimValues().get(origin[0] + i).doubleValue());
        if (v.dtype().isIntegral()) {
          out.setLong(i, layout.newDimValues().get(origin[0] + i).longValue());
        }
      }
      return out;
    }
    if (variable.equals(layout.concatDim()) && layout.concatValues() != null) {
      return layout.concatValues().read(origin[0], shape[0]); // kept in the plan: no file opened
    }
    if (!layout.concatenated().contains(variable)) {
      Part p = firstWith(variable);
      return files.open(p).read(variable, origin, shape);
    }
    int axis = v.dims().indexOf(layout.concatDim());
    int from = origin[axis];
    int to = from + shape[axis];
    Array out = null;
    List<Part> parts = layout.parts();
    for (int i = firstOverlapping(parts, from); i < parts.size() && parts.get(i).offset() < to; i++) {
      Part p = parts.get(i);
      if (!p.variables().contains(variable) || p.offset() + p.length() <= from) {
        continue;
      }
      int start = Math.max(from, p.offset());
      int end = Math.min(to, p.offset() + p.length());
      int[] fileOrigin = origin.clone();
      int[] fileShape = shape.clone();
      fileOrigin[axis] = start - p.offset();
      fileShape[axis] = end - start;
      Array piece;
      if (layout.newDim()) {
        piece = files.open(p).read(variable, drop(fileOrigin, axis), drop(fileShape, axis));
        piece = piece.reshapeNoCopy(fileShape);
      } else {
        piece = files.open(p).read(variable, fileOrigin, fileShape);
      }
      if (start == from && end == to) {
        return piece; // one file holds every row asked for: no copy
      }
      if (out == null) {
        out = Array.factory(v.dtype().dataType(), shape);
      }
      int[] at = new int[shape.length];
      at[axis] = start - from;
      copyInto(out, at, piece);
    }
    return out != null ? out : Array.factory(v.dtype().dataType(), shape);
  }

  /**
   * The index of the first part that reaches past {@code from} along the concat dimension. Parts
   * are ordered by offset, and the parts of one concat key (merged files) share its range, so
   * ranges are equal or disjoint: a binary search finds the first part at or after {@code from},
   * then the walk back picks up the parts whose range contains it.
   */
  static int firstOverlapping(List<Part> parts, int from) {
    int lo = 0;
    int hi = parts.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (parts.get(mid).offset() < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    while (lo > 0 && parts.get(lo - 1).offset() + parts.get(lo - 1).length() > from) {
      lo--;
    }
    return lo;
  }

  private Part firstWith(String variable) {
    List<Part> parts = combined.layout().parts();
    for (Part p : parts) {
      if (p.variables().contains(variable)) {
        return p;
      }
    }
    throw new IllegalStateException("no file provides '" + variable + "'");
  }

  /**
   * Copies {@code src} into {@code dst} at {@code origin}. When the region is one contiguous run
   * of {@code dst} (the usual case: whole slabs along the first axis) and both arrays hold the
   * same primitive type in index order, this is a single {@link System#arraycopy}.
   */
  static void copyInto(Array dst, int[] origin, Array src) {
    int offset = contiguousOffset(dst, origin, src.getShape());
    if (offset >= 0 && src.getElementType() == dst.getElementType()) {
      Object to = dst.get1DJavaArray(dst.getElementType());
      Object from = src.get1DJavaArray(src.getElementType());
      int n = (int) src.getSize();
      if (to == dst.getStorage()
          && java.lang.reflect.Array.getLength(to) == dst.getSize()
          && java.lang.reflect.Array.getLength(from) >= n) {
        System.arraycopy(from, 0, to, offset, n);
        return;
      }
    }
    try {
      MAMath.copy(dst.sectionNoReduce(origin, src.getShape(), null), src);
    } catch (InvalidRangeException e) {
      throw new IllegalStateException("bad copy region: " + e.getMessage(), e);
    }
  }

  /**
   * The position in {@code dst}'s C-order storage where the region {@code origin}/{@code shape}
   * starts, if the region is contiguous there (leading axes of length 1, then at most one partial
   * axis, then full axes); otherwise -1.
   */
  private static int contiguousOffset(Array dst, int[] origin, int[] shape) {
    int[] full = dst.getShape();
    if (full.length != shape.length) {
      return -1;
    }
    int partial = -1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != full[i]) {
        partial = i;
        break;
      }
    }
    for (int i = 0; i < partial; i++) {
      if (shape[i] != 1) {
        return -1;
      }
    }
    long offset = 0;
    long stride = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      offset += origin[i] * stride;
      stride *= full[i];
    }
    return offset > Integer.MAX_VALUE ? -1 : (int) offset;
  }

  private static int[] drop(int[] a, int axis) {
    int[] out = new int[a.length - 1];
    for (int i = 0, j = 0; i < a.length; i++) {
      if (i != axis) {
        out[j++] = a[i];
      }
    }
    return out;
  }
}
