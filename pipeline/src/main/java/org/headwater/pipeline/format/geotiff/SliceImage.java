package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.util.List;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.Encoding;
import ucar.ma2.Array;
import ucar.ma2.Index;

/**
 * Reads one file's worth of a variable (a 2-D slice, or all positions of the band dimension) and
 * lays it out as GeoTIFF pixels: encoded in the variable's stored type (packed values stay packed,
 * as in the Zarr and NetCDF outputs), rows north first.
 */
final class SliceImage {
  private SliceImage() {}

  /**
   * The pixels.
   *
   * @param slice the position along the plan's slice dimension (ignored without one)
   */
  static Pixels read(Dataset data, Rasters.Plan plan, RasterGrid grid, int slice)
      throws IOException {
    Variable v = plan.variable();
    List<String> dims = v.dims();
    int[] full = data.schema().shape(v);
    int[] origin = new int[dims.size()];
    int[] shape = full.clone();
    int bandAxis = plan.bandDim() == null ? -1 : dims.indexOf(plan.bandDim());
    if (plan.sliceDim() != null) {
      int k = dims.indexOf(plan.sliceDim());
      origin[k] = slice;
      shape[k] = 1;
    }
    Array a = Encoding.encode(v, data.read(v.name(), origin, shape));
    DType type = Encoding.storedType(v);
    int size = bytes(type);
    int bands = bandAxis < 0 ? 1 : shape[bandAxis];
    int w = grid.width();
    int h = grid.height();
    byte[] out = new byte[w * h * bands * size];
    Index idx = a.getIndex();
    int[] at = new int[dims.size()];
    int y = dims.size() - 2;
    int pos = 0;
    for (int r = 0; r < h; r++) {
      at[y] = grid.flip() ? h - 1 - r : r;
      for (int c = 0; c < w; c++) {
        at[y + 1] = c;
        for (int b = 0; b < bands; b++) {
          if (bandAxis >= 0) {
            at[bandAxis] = b;
          }
          idx.set(at);
          long bits = switch (type) {
            case FLOAT32 -> Float.floatToRawIntBits(a.getFloat(idx));
            case FLOAT64 -> Double.doubleToRawLongBits(a.getDouble(idx));
            default -> a.getLong(idx);
          };
          for (int k = 0; k < size; k++) {
            out[pos++] = (byte) (bits >>> (8 * k));
          }
        }
      }
    }
    return new Pixels(w, h, bands, size, out);
  }

  /** Bytes per sample of a stored type. */
  static int bytes(DType t) {
    return switch (t) {
      case INT8, UINT8 -> 1;
      case INT16, UINT16 -> 2;
      case INT32, UINT32, FLOAT32 -> 4;
      case INT64, UINT64, FLOAT64 -> 8;
      default -> throw new IllegalArgumentException(t + " cannot be a GeoTIFF sample");
    };
  }

  /** TIFF SampleFormat: 1 unsigned integer, 2 signed integer, 3 floating point. */
  static int sampleFormat(DType t) {
    return t.isFloatingPoint() ? 3 : t.unsigned() ? 1 : 2;
  }

  /** The bytes of one sample of value {@code n} (the fill value), little-endian. */
  static byte[] sample(DType t, Number n) {
    long bits = n == null ? 0
        : t == DType.FLOAT32 ? Float.floatToRawIntBits(n.floatValue())
        : t == DType.FLOAT64 ? Double.doubleToRawLongBits(n.doubleValue())
        : n.longValue();
    byte[] out = new byte[bytes(t)];
    for (int k = 0; k < out.length; k++) {
      out[k] = (byte) (bits >>> (8 * k));
    }
    return out;
  }
}
