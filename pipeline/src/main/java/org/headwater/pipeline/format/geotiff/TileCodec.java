package org.headwater.pipeline.format.geotiff;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Turns raw tiles into the bytes a TIFF stores: the predictor, then the compressor. One per file
 * written, used by one thread: its {@link Deflater} and buffers serve every tile of every level
 * (a deflater reset between tiles writes the same stream as a new one).
 */
final class TileCodec implements AutoCloseable {
  private final CogWriter.Codec codec;
  private final int predictor;
  private final int bands;
  private final int sampleBytes;
  private final byte[] row;
  private final Deflater deflater;
  private byte[] out;

  TileCodec(CogWriter.Codec codec, int predictor, int bands, int sampleBytes) {
    this.codec = codec;
    this.predictor = predictor;
    this.bands = bands;
    this.sampleBytes = sampleBytes;
    int tileBytes = CogWriter.TILE * CogWriter.TILE * bands * sampleBytes;
    this.row = new byte[CogWriter.TILE * bands * sampleBytes];
    this.deflater = codec.compression() == CogWriter.DEFLATE ? new Deflater(codec.level()) : null;
    this.out = new byte[tileBytes / 2 + 64];
  }

  /** The predictor this codec applies (TIFF tag 317): 1 (none), 2 or 3. */
  static int predictor(CogWriter.Codec codec, int sampleFormat) {
    return codec.compression() == CogWriter.NONE ? 1
        : sampleFormat == 3 ? Predictors.FLOATING_POINT : Predictors.HORIZONTAL;
  }

  /**
   * Predicts (in place) and compresses one raw tile and writes it to {@code to}.
   *
   * @return the bytes written
   */
  int write(byte[] tile, OutputStream to) throws IOException {
    if (predictor != 1) {
      Predictors.apply(predictor, tile, CogWriter.TILE, bands, sampleBytes, row);
    }
    switch (codec.compression()) {
      case CogWriter.NONE -> {
        to.write(tile);
        return tile.length;
      }
      case CogWriter.ZSTD -> {
        byte[] z = Zstd.compress(tile, codec.level());
        to.write(z);
        return z.length;
      }
      default -> {
        int n = deflate(tile);
        to.write(out, 0, n);
        return n;
      }
    }
  }

  private int deflate(byte[] tile) {
    deflater.reset();
    deflater.setInput(tile);
    deflater.finish();
    int n = 0;
    while (!deflater.finished()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, 2 * out.length);
      }
      n += deflater.deflate(out, n, out.length - n);
    }
    return n;
  }

  @Override
  public void close() {
    if (deflater != null) {
      deflater.end();
    }
  }
}
