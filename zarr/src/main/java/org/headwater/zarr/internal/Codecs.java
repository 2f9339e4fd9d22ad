package org.headwater.zarr.internal;

import com.github.luben.zstd.Zstd;
import com.scalableminds.bloscjava.Blosc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.headwater.zarr.Compressor;

/**
 * Byte-level compression matching numcodecs. All methods are thread-safe (zstd-jni and the
 * bundled c-blosc use per-call contexts; zlib uses a fresh Deflater/Inflater per call).
 */
public final class Codecs {
  private Codecs() {}

  /**
   * Compresses one chunk.
   *
   * @param c the compressor
   * @param raw the uncompressed chunk bytes
   * @param itemSize element size in bytes (the blosc typesize, as numcodecs passes it)
   * @return the stored bytes
   */
  public static byte[] encode(Compressor c, byte[] raw, int itemSize) {
    return switch (c.id()) {
      case "none" -> raw;
      case "zlib" -> deflate(raw, c.level());
      case "zstd" -> Zstd.compress(raw, c.level());
      case "blosc" -> {
        int shuffle = c.shuffle() == -1 ? (itemSize == 1 ? 2 : 1) : c.shuffle();
        yield Blosc.compress(raw, itemSize, Blosc.Compressor.fromString(c.cname()), c.level(),
            Blosc.Shuffle.fromInt(shuffle), c.blocksize(), 1);
      }
      default -> throw new IllegalStateException("unknown compressor " + c.id());
    };
  }

  /** Whether {@link #encoding} can compress with {@code c} as a stream. */
  public static boolean isStreaming(Compressor c) {
    return c.id().equals("zlib") || c.id().equals("none");
  }

  /**
   * A stream that compresses what is written to it into {@code out}, with the same bytes as
   * {@link #encode} gives for the whole input. Closing it finishes the compressed stream and
   * closes {@code out}.
   *
   * @param c a compressor for which {@link #isStreaming} holds
   * @param out where the compressed bytes go
   * @return the compressing stream
   */
  public static OutputStream encoding(Compressor c, OutputStream out) {
    return switch (c.id()) {
      case "none" -> out;
      case "zlib" -> new ZlibOutputStream(out, c.level());
      default -> throw new IllegalStateException("compressor " + c.id() + " does not stream");
    };
  }

  /** A zlib stream that owns (and ends) its {@link Deflater}. */
  private static final class ZlibOutputStream extends DeflaterOutputStream {
    ZlibOutputStream(OutputStream out, int level) {
      super(out, new Deflater(level, false), 64 * 1024);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        def.end();
      }
    }
  }

  /**
   * Decompresses one chunk.
   *
   * @param c the compressor named in {@code .zarray}
   * @param stored the chunk file content
   * @param expectedSize the uncompressed size the chunk shape requires
   * @return the uncompressed bytes (the caller checks the length)
   * @throws Exception any codec failure; the caller adds the chunk location
   */
  public static byte[] decode(Compressor c, byte[] stored, int expectedSize) throws Exception {
    return switch (c.id()) {
      case "none" -> stored;
      case "zlib" -> inflate(stored, expectedSize);
      case "zstd" -> Zstd.decompress(stored, expectedSize);
      case "blosc" -> Blosc.decompress(stored, 1);
      default -> throw new IllegalStateException("unknown compressor " + c.id());
    };
  }

  private static byte[] deflate(byte[] raw, int level) {
    Deflater deflater = new Deflater(level, false);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
      byte[] buf = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] stored, int expectedSize) throws DataFormatException {
    Inflater inflater = new Inflater(false);
    try {
      inflater.setInput(stored);
      byte[] out = new byte[expectedSize];
      int n = 0;
      while (!inflater.finished()) {
        if (n == out.length) {
          // more data than the chunk shape allows: grow so the caller reports the real size
          out = java.util.Arrays.copyOf(out, Math.max(16, out.length * 2));
        }
        int k = inflater.inflate(out, n, out.length - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated zlib stream");
        }
        n += k;
      }
      return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    } finally {
      inflater.end();
    }
  }
}
