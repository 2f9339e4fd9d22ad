package org.headwater.pipeline.format.geotiff;

import java.lang.invoke.VarHandle;

/**
 * A strip of one resolution level: consecutive rows, samples pixel-interleaved ("chunky"),
 * little-endian, rows from north to south. A strip starts at an even row of its level (a multiple
 * of the tile size), so its every other row is a row of the next overview.
 *
 * @param width columns
 * @param height rows
 * @param bands samples per pixel
 * @param sampleBytes bytes per sample
 * @param data {@code width * height * bands * sampleBytes} bytes
 */
record Pixels(int width, int height, int bands, int sampleBytes, byte[] data) {
  private static final VarHandle SHORT = LittleEndian.SHORT;
  private static final VarHandle INT = LittleEndian.INT;
  private static final VarHandle LONG = LittleEndian.LONG;

  Pixels {
    if ((long) width * height * bands * sampleBytes != data.length) {
      throw new IllegalArgumentException(
          "pixels " + width + "x" + height + "x" + bands + " of " + sampleBytes
              + " bytes need " + (long) width * height * bands * sampleBytes + " bytes, found "
              + data.length);
    }
  }

  int pixelBytes() {
    return bands * sampleBytes;
  }

  /**
   * The next overview's rows from this strip: half the size (rounded up), each pixel the top-left
   * pixel of its 2x2 block (nearest neighbour, so values, types and nodata are kept exactly).
   */
  Pixels halved() {
    int w = (width + 1) / 2;
    int h = (height + 1) / 2;
    int pb = pixelBytes();
    byte[] out = new byte[w * h * pb];
    for (int r = 0; r < h; r++) {
      int from = 2 * r * width * pb;
      int to = r * w * pb;
      switch (pb) {
        case 1 -> {
          for (int c = 0; c < w; c++) {
            out[to + c] = data[from + 2 * c];
          }
        }
        case 2 -> {
          for (int c = 0; c < w; c++) {
            SHORT.set(out, to + 2 * c, (short) SHORT.get(data, from + 4 * c));
          }
        }
        case 4 -> {
          for (int c = 0; c < w; c++) {
            INT.set(out, to + 4 * c, (int) INT.get(data, from + 8 * c));
          }
        }
        case 8 -> {
          for (int c = 0; c < w; c++) {
            LONG.set(out, to + 8 * c, (long) LONG.get(data, from + 16 * c));
          }
        }
        default -> {
          for (int c = 0; c < w; c++) {
            System.arraycopy(data, from + 2 * c * pb, out, to + c * pb, pb);
          }
        }
      }
    }
    return new Pixels(w, h, bands, sampleBytes, out);
  }

  /**
   * Copies tile column {@code tileX} of this strip into {@code out} ({@code size x size} pixels),
   * padding the parts beyond the image's edge (right of the last column, below the strip's last
   * row) from {@code padRow}: one row of {@code size} pad pixels.
   */
  void tile(int tileX, int size, byte[] padRow, byte[] out) {
    int pb = pixelBytes();
    int rowBytes = size * pb;
    int c0 = tileX * size;
    int n = Math.max(0, Math.min(size, width - c0));
    for (int r = 0; r < size; r++) {
      int at = r * rowBytes;
      if (r < height) {
        System.arraycopy(data, (r * width + c0) * pb, out, at, n * pb);
        System.arraycopy(padRow, 0, out, at + n * pb, rowBytes - n * pb);
      } else {
        System.arraycopy(padRow, 0, out, at, rowBytes);
      }
    }
  }

  /** One row of {@code size} pixels, every sample {@code pad}. */
  static byte[] padRow(int size, int bands, byte[] pad) {
    byte[] row = new byte[size * bands * pad.length];
    for (int i = 0; i < row.length; i += pad.length) {
      System.arraycopy(pad, 0, row, i, pad.length);
    }
    return row;
  }
}
