package org.headwater.pipeline.format.geotiff;

import com.github.luben.zstd.Zstd;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * Writes a Cloud-Optimized GeoTIFF as the COG specification and GDAL's COG driver lay it out
 * (cogeotiff/cog-spec, "spec.md"): the header, then the image file directories of the full
 * resolution and of each overview (halving until the image fits one tile) with their values, then
 * the tiles, smallest overview first and full resolution last, each level's tiles row by row.
 *
 * <p>Apache SIS 1.6's GeoTIFF writer was tried first (see the README): it writes no reduced
 * resolution images, and it cannot write EPSG:3413, whose axes point "South along 45°E".
 */
final class CogWriter {
  /** Tile width and height, GDAL's COG default for most grids. */
  static final int TILE = 256;

  static final int NONE = 1;
  static final int DEFLATE = 8;
  static final int ZSTD = 50000;

  /**
   * How tiles are compressed.
   *
   * @param compression TIFF Compression: {@link #NONE}, {@link #DEFLATE} or {@link #ZSTD}
   * @param level the compressor's level
   */
  record Codec(int compression, int level) {}

  /**
   * What is written.
   *
   * @param pixels the full-resolution image
   * @param sampleFormat TIFF SampleFormat: 1 unsigned, 2 signed integer, 3 floating point
   * @param pad one sample's bytes for the parts of edge tiles beyond the image (the nodata value)
   */
  record Image(Pixels pixels, int sampleFormat, byte[] pad) {}

  private CogWriter() {}

  /**
   * Writes the file.
   *
   * @param mainTags adds the full resolution image's georeferencing and metadata tags
   * @param everyTags adds tags every image carries (GDAL_NODATA)
   */
  static void write(Path file, Image image, Codec codec, Consumer<Ifd> mainTags,
      Consumer<Ifd> everyTags) throws IOException {
    List<Pixels> levels = new ArrayList<>(List.of(image.pixels()));
    while (last(levels).width() > TILE || last(levels).height() > TILE) {
      levels.add(last(levels).halved());
    }
    int predictor = codec.compression() == NONE ? 1
        : image.sampleFormat() == 3 ? Predictors.FLOATING_POINT : Predictors.HORIZONTAL;
    List<List<byte[]>> tiles = new ArrayList<>();
    List<Ifd> ifds = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      Pixels p = levels.get(i);
      List<byte[]> t = tiles(p, image.pad(), codec, predictor);
      tiles.add(t);
      Ifd ifd = directory(p, i > 0, image.sampleFormat(), codec, predictor);
      ifd.longs(324, new long[t.size()]).longs(325, t.stream().mapToLong(b -> b.length).toArray());
      if (i == 0) {
        mainTags.accept(ifd);
      }
      everyTags.accept(ifd);
      ifds.add(ifd);
    }
    long[] ifdAt = new long[ifds.size()];
    long pos = 8;
    for (int i = 0; i < ifds.size(); i++) {
      ifdAt[i] = pos;
      pos += ifds.get(i).size();
    }
    for (int i = levels.size() - 1; i >= 0; i--) {
      long[] offsets = new long[tiles.get(i).size()];
      for (int k = 0; k < offsets.length; k++) {
        offsets[k] = pos;
        pos += tiles.get(i).get(k).length;
      }
      ifds.get(i).longs(324, offsets);
    }
    if (pos > 0xFFFFFFFFL) {
      throw new IOException(file + " would be " + pos + " bytes, over classic TIFF's 4 GiB;"
          + " write smaller slices (one file per 2-D slice instead of bands:)");
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
          .put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifdAt[0]).array());
      for (int i = 0; i < ifds.size(); i++) {
        out.write(ifds.get(i).encode(ifdAt[i], i + 1 < ifds.size() ? ifdAt[i + 1] : 0));
      }
      for (int i = levels.size() - 1; i >= 0; i--) {
        for (byte[] t : tiles.get(i)) {
          out.write(t);
        }
      }
    }
  }

  private static Pixels last(List<Pixels> levels) {
    return levels.get(levels.size() - 1);
  }

  private static Ifd directory(Pixels p, boolean overview, int sampleFormat, Codec codec,
      int predictor) {
    int[] bits = new int[p.bands()];
    int[] formats = new int[p.bands()];
    java.util.Arrays.fill(bits, 8 * p.sampleBytes());
    java.util.Arrays.fill(formats, sampleFormat);
    Ifd ifd = new Ifd()
        .longs(254, overview ? 1 : 0)
        .longs(256, p.width())
        .longs(257, p.height())
        .shorts(258, bits)
        .shorts(259, codec.compression())
        .shorts(262, 1)
        .shorts(277, p.bands())
        .shorts(284, 1)
        .shorts(322, TILE)
        .shorts(323, TILE)
        .shorts(339, formats);
    if (predictor != 1) {
      ifd.shorts(317, predictor);
    }
    if (p.bands() > 1) {
      ifd.shorts(338, new int[p.bands() - 1]);
    }
    return ifd;
  }

  private static List<byte[]> tiles(Pixels p, byte[] pad, Codec codec, int predictor) {
    int across = (p.width() + TILE - 1) / TILE;
    int down = (p.height() + TILE - 1) / TILE;
    List<byte[]> out = new ArrayList<>(across * down);
    for (int ty = 0; ty < down; ty++) {
      for (int tx = 0; tx < across; tx++) {
        byte[] raw = p.tile(tx, ty, TILE, pad);
        if (predictor != 1) {
          Predictors.apply(predictor, raw, TILE, p.bands(), p.sampleBytes());
        }
        out.add(compress(raw, codec));
      }
    }
    return out;
  }

  private static byte[] compress(byte[] raw, Codec codec) {
    switch (codec.compression()) {
      case NONE:
        return raw;
      case ZSTD:
        return Zstd.compress(raw, codec.level());
      default:
        Deflater d = new Deflater(codec.level());
        try {
          d.setInput(raw);
          d.finish();
          ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
          byte[] buf = new byte[1 << 16];
          while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
          }
          return out.toByteArray();
        } finally {
          d.end();
        }
    }
  }
}
