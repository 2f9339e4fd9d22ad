package org.headwater.pipeline.format.geotiff;

/**
 * TIFF predictors applied to a tile before compression, in place: horizontal differencing
 * (Predictor 2, TIFF 6.0 section 14) for integers and the floating-point predictor (Predictor 3,
 * Adobe TIFF Technical Note 3: bytes of each row regrouped most significant first, then
 * differenced) for floats. Samples are little-endian.
 */
final class Predictors {
  static final int HORIZONTAL = 2;
  static final int FLOATING_POINT = 3;

  private Predictors() {}

  static void apply(int predictor, byte[] tile, int width, int bands, int sampleBytes) {
    int rowBytes = width * bands * sampleBytes;
    for (int off = 0; off < tile.length; off += rowBytes) {
      if (predictor == HORIZONTAL) {
        horizontal(tile, off, width * bands, bands, sampleBytes);
      } else {
        floatingPoint(tile, off, width * bands, bands, sampleBytes);
      }
    }
  }

  private static void horizontal(byte[] t, int off, int samples, int stride, int size) {
    for (int i = samples - 1; i >= stride; i--) {
      long v = read(t, off + i * size, size) - read(t, off + (i - stride) * size, size);
      write(t, off + i * size, size, v);
    }
  }

  private static void floatingPoint(byte[] t, int off, int samples, int stride, int size) {
    byte[] row = new byte[samples * size];
    for (int i = 0; i < samples; i++) {
      for (int b = 0; b < size; b++) {
        row[(size - 1 - b) * samples + i] = t[off + i * size + b];
      }
    }
    for (int i = row.length - 1; i >= stride; i--) {
      row[i] = (byte) (row[i] - row[i - stride]);
    }
    System.arraycopy(row, 0, t, off, row.length);
  }

  private static long read(byte[] t, int at, int size) {
    long v = 0;
    for (int b = size - 1; b >= 0; b--) {
      v = (v << 8) | (t[at + b] & 0xff);
    }
    return v;
  }

  private static void write(byte[] t, int at, int size, long v) {
    for (int b = 0; b < size; b++) {
      t[at + b] = (byte) (v >>> (8 * b));
    }
  }
}
