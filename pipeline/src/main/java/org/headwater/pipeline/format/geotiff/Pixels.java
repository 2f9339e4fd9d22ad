package org.headwater.pipeline.format.geotiff;

/**
 * One resolution level of an image: samples pixel-interleaved ("chunky"), little-endian, rows from
 * north to south.
 *
 * @param width columns
 * @param height rows
 * @param bands samples per pixel
 * @param sampleBytes bytes per sample
 * @param data {@code width * height * bands * sampleBytes} bytes
 */
record Pixels(int width, int height, int bands, int sampleBytes, byte[] data) {
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
   * The next overview: half the size (rounded up), each pixel the top-left pixel of its 2x2 block
   * (nearest neighbour, so values, types and nodata are kept exactly).
   */
  Pixels halved() {
    int w = (width + 1) / 2;
    int h = (height + 1) / 2;
    int pb = pixelBytes();
    byte[] out = new byte[w * h * pb];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        System.arraycopy(data, ((2 * r) * width + 2 * c) * pb, out, (r * w + c) * pb, pb);
      }
    }
    return new Pixels(w, h, bands, sampleBytes, out);
  }

  /**
   * A tile of {@code size x size} pixels, padded beyond the image's edge with {@code pad} (one
   * sample's bytes).
   */
  byte[] tile(int tileX, int tileY, int size, byte[] pad) {
    int pb = pixelBytes();
    byte[] out = new byte[size * size * pb];
    for (int r = 0; r < size; r++) {
      int row = tileY * size + r;
      int c0 = tileX * size;
      int n = row < height ? Math.max(0, Math.min(size, width - c0)) : 0;
      if (n > 0) {
        System.arraycopy(data, (row * width + c0) * pb, out, r * size * pb, n * pb);
      }
      for (int c = n; c < size; c++) {
        for (int b = 0; b < bands; b++) {
          System.arraycopy(pad, 0, out, ((r * size + c) * bands + b) * sampleBytes, sampleBytes);
        }
      }
    }
    return out;
  }
}
