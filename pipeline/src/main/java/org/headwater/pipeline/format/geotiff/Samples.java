package org.headwater.pipeline.format.geotiff;

import java.nio.ByteBuffer;
import org.headwater.pipeline.dataset.DType;

/** GeoTIFF samples of a stored type: their size, TIFF SampleFormat, and little-endian copies. */
final class Samples {
  private Samples() {}

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

  /** The Java array element type holding a stored type's samples with their bits. */
  static Class<?> javaType(DType t) {
    return switch (t) {
      case FLOAT32 -> float.class;
      case FLOAT64 -> double.class;
      default -> switch (bytes(t)) {
        case 1 -> byte.class;
        case 2 -> short.class;
        case 4 -> int.class;
        default -> long.class;
      };
    };
  }

  /** Stores the low bits of {@code v} at {@code i} of an integer array. */
  static void setLong(Object array, int i, long v) {
    if (array instanceof byte[] a) {
      a[i] = (byte) v;
    } else if (array instanceof short[] a) {
      a[i] = (short) v;
    } else if (array instanceof int[] a) {
      a[i] = (int) v;
    } else {
      ((long[]) array)[i] = v;
    }
  }

  /**
   * Copies {@code n} samples from {@code src} (a Java array of {@link #javaType}) at {@code from}
   * to {@code dst} (little-endian) at sample index {@code to}, every {@code step} samples there:
   * in bulk when {@code step} is 1.
   */
  static void copy(Object src, int from, ByteBuffer dst, int to, int step, int n) {
    if (src instanceof byte[] a) {
      if (step == 1) {
        System.arraycopy(a, from, dst.array(), to, n);
      } else {
        for (int i = 0; i < n; i++) {
          dst.put(to + i * step, a[from + i]);
        }
      }
    } else if (src instanceof short[] a) {
      var d = dst.asShortBuffer();
      if (step == 1) {
        d.put(to, a, from, n);
      } else {
        for (int i = 0; i < n; i++) {
          d.put(to + i * step, a[from + i]);
        }
      }
    } else if (src instanceof int[] a) {
      var d = dst.asIntBuffer();
      if (step == 1) {
        d.put(to, a, from, n);
      } else {
        for (int i = 0; i < n; i++) {
          d.put(to + i * step, a[from + i]);
        }
      }
    } else if (src instanceof long[] a) {
      var d = dst.asLongBuffer();
      if (step == 1) {
        d.put(to, a, from, n);
      } else {
        for (int i = 0; i < n; i++) {
          d.put(to + i * step, a[from + i]);
        }
      }
    } else if (src instanceof float[] a) {
      var d = dst.asFloatBuffer();
      if (step == 1) {
        d.put(to, a, from, n);
      } else {
        for (int i = 0; i < n; i++) {
          d.put(to + i * step, a[from + i]);
        }
      }
    } else {
      double[] a = (double[]) src;
      var d = dst.asDoubleBuffer();
      if (step == 1) {
        d.put(to, a, from, n);
      } else {
        for (int i = 0; i < n; i++) {
          d.put(to + i * step, a[from + i]);
        }
      }
    }
  }
}
