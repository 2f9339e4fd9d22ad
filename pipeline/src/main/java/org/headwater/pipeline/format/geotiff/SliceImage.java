package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.Encoding;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * One file's worth of a variable (a 2-D slice, or all positions of the band dimension), read strip
 * by strip and laid out as GeoTIFF pixels: encoded in the variable's stored type (packed values
 * stay packed, as in the Zarr and NetCDF outputs), rows north first. Each strip is one read of
 * the dataset, restricted along y; rows are copied in bulk, and sample by sample only to
 * interleave bands.
 */
final class SliceImage {
  private final Dataset data;
  private final Variable variable;
  private final int[] origin;
  private final int[] shape;
  private final int yAxis;
  private final int bands;
  private final boolean flip;
  private final DType type;

  private SliceImage(Dataset data, Variable variable, int[] origin, int[] shape, int bandAxis,
      boolean flip) {
    this.data = data;
    this.variable = variable;
    this.origin = origin;
    this.shape = shape;
    this.yAxis = shape.length - 2;
    this.bands = bandAxis < 0 ? 1 : shape[bandAxis];
    this.flip = flip;
    this.type = Encoding.storedType(variable);
  }

  /**
   * The image of one file.
   *
   * @param slice the position along the plan's slice dimension (ignored without one)
   */
  static SliceImage of(Dataset data, Rasters.Plan plan, RasterGrid grid, int slice) {
    Variable v = plan.variable();
    List<String> dims = v.dims();
    int[] shape = data.schema().shape(v);
    int[] origin = new int[dims.size()];
    if (plan.sliceDim() != null) {
      int k = dims.indexOf(plan.sliceDim());
      origin[k] = slice;
      shape[k] = 1;
    }
    int bandAxis = plan.bandDim() == null ? -1 : dims.indexOf(plan.bandDim());
    return new SliceImage(data, v, origin, shape, bandAxis, grid.flip());
  }

  int width() {
    return shape[yAxis + 1];
  }

  int height() {
    return shape[yAxis];
  }

  int bands() {
    return bands;
  }

  int sampleBytes() {
    return Samples.bytes(type);
  }

  /** Rows {@code row0 .. row0 + rows - 1} of the image (row 0 is the northernmost). */
  Pixels strip(int row0, int rows) throws IOException {
    int w = width();
    int[] o = origin.clone();
    int[] s = shape.clone();
    o[yAxis] = flip ? height() - row0 - rows : row0;
    s[yAxis] = rows;
    Array a = Encoding.encode(variable, data.read(variable.name(), o, s));
    Object values = values(a);
    int size = sampleBytes();
    byte[] out = new byte[rows * w * bands * size];
    ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    int bandStride = rows * w; // every dimension but band, y and x has length 1
    for (int r = 0; r < rows; r++) {
      int from = (flip ? rows - 1 - r : r) * w;
      for (int b = 0; b < bands; b++) {
        Samples.copy(values, b * bandStride + from, buf, r * w * bands + b, bands, w);
      }
    }
    return new Pixels(w, rows, bands, size, out);
  }

  /**
   * The values in index order as the stored type's Java array (float, double, or the integer
   * array of the sample's size), copied only when the array is not laid out so already.
   */
  private Object values(Array a) {
    Class<?> want = Samples.javaType(type);
    int n = (int) a.getSize();
    if (a.getElementType() == want) {
      Object storage = a.get1DJavaArray(want);
      return java.lang.reflect.Array.getLength(storage) == n ? storage : a.copyTo1DJavaArray();
    }
    Object out = java.lang.reflect.Array.newInstance(want, n);
    IndexIterator it = a.getIndexIterator();
    for (int i = 0; i < n; i++) {
      if (out instanceof float[] f) {
        f[i] = it.getFloatNext();
      } else if (out instanceof double[] d) {
        d[i] = it.getDoubleNext();
      } else {
        Samples.setLong(out, i, it.getLongNext());
      }
    }
    return out;
  }
}
