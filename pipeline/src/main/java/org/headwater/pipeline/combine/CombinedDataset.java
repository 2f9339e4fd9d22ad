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
    if (!layout.concatenated().contains(variable)) {
      Part p = firstWith(variable);
      return files.open(p).read(variable, origin, shape);
    }
    int axis = v.dims().indexOf(layout.concatDim());
    int from = origin[axis];
    int to = from + shape[axis];
    Array out = Array.factory(v.dtype().dataType(), shape);
    for (Part p : layout.parts()) {
      if (!p.variables().contains(variable) || p.offset() + p.length() <= from || p.offset() >= to) {
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
        piece = piece.reshape(fileShape);
      } else {
        piece = files.open(p).read(variable, fileOrigin, fileShape);
      }
      int[] at = new int[shape.length];
      at[axis] = start - from;
      copyInto(out, at, piece);
    }
    return out;
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

  /** Copies {@code src} into {@code dst} at {@code origin}. */
  static void copyInto(Array dst, int[] origin, Array src) {
    try {
      MAMath.copy(dst.sectionNoReduce(origin, src.getShape(), null), src);
    } catch (InvalidRangeException e) {
      throw new IllegalStateException("bad copy region: " + e.getMessage(), e);
    }
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
