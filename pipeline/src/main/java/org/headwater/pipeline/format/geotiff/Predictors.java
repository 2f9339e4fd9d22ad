package org.headwater.pipeline.format.geotiff;

import java.lang.invoke.VarHandle;

/**
 * TIFF predictors applied to a tile before compression, in place: horizontal differencing
 * (Predictor 2, TIFF 6.0 section 14) for integers and the floating-point predictor (Predictor 3,
 * Adobe TIFF Technical Note 3: bytes of each row regrouped most significant first, then
 * differenced) for floats. Samples are little-endian; whole samples are read and written at once.
 */
final class Predictors {
  static final int HORIZONTAL = 2;
  static final int FLOATING_POINT = 3;

  private static final VarHandle SHORT = LittleEndian.SHORT;
  private static final VarHandle INT = LittleEndian.INT;
  private static final VarHandle LONG = LittleEndian.LONG;

  private Predictors() {}

  /**
   * Applies {@code predictor} to every row of {@code tile}.
   *
   * @param row scratch space of at least one row's bytes ({@code width * bands * sampleBytes})
   */
  static void apply(int predictor, byte[] tile, int width, int bands, int sampleBytes,
      byte[] row) {
    int rowBytes = width * bands * sampleBytes;
    for (int off = 0; off < tile.length; off += rowBytes) {
      if (predictor == HORIZONTAL) {
        horizontal(tile, off, width * bands, bands, sampleBytes);
      } else {
        floatingPoint(tile, off, width * bands, bands, sampleBytes, row);
      }
    }
  }

  /** Each sample minus the same band's sample of the previous pixel, wrapping as TIFF says. */
  private static void horizontal(byte[] t, int off, int samples, int stride, int size) {
    switch (size) {
      case 1 -> {
        for (int i = samples - 1; i >= stride; i--) {
          t[off + i] = (byte) (t[off + i] - t[off + i - stride]);
        }
      }
      case 2 -> {
        for (int i = samples - 1; i >= stride; i--) {
          short v = (short) ((short) SHORT.get(t, off + 2 * i)
              - (short) SHORT.get(t, off + 2 * (i - stride)));
          SHORT.set(t, off + 2 * i, v);
        }
      }
      case 4 -> {
        for (int i = samples - 1; i >= stride; i--) {
          INT.set(t, off + 4 * i,
              (int) INT.get(t, off + 4 * i) - (int) INT.get(t, off + 4 * (i - stride)));
        }
      }
      case 8 -> {
        for (int i = samples - 1; i >= stride; i--) {
          LONG.set(t, off + 8 * i,
              (long) LONG.get(t, off + 8 * i) - (long) LONG.get(t, off + 8 * (i - stride)));
        }
      }
      default -> throw new IllegalArgumentException(size + "-byte samples");
    }
  }

  private static void floatingPoint(byte[] t, int off, int samples, int stride, int size,
      byte[] row) {
    if (size == 4) {
      for (int i = 0; i < samples; i++) {
        int v = (int) INT.get(t, off + 4 * i);
        row[i] = (byte) (v >>> 24);
        row[samples + i] = (byte) (v >>> 16);
        row[2 * samples + i] = (byte) (v >>> 8);
        row[3 * samples + i] = (byte) v;
      }
    } else {
      for (int i = 0; i < samples; i++) {
        for (int b = 0; b < size; b++) {
          row[(size - 1 - b) * samples + i] = t[off + i * size + b];
        }
      }
    }
    int n = samples * size;
    System.arraycopy(row, 0, t, off, stride);
    for (int i = stride; i < n; i++) {
      t[off + i] = (byte) (row[i] - row[i - stride]);
    }
  }
}
