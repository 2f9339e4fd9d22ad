package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a Cloud-Optimized GeoTIFF as the COG specification and GDAL's COG driver lay it out
 * (cogeotiff/cog-spec, "spec.md"): the header, then the image file directories of the full
 * resolution and of each overview (halving until the image fits one tile) with their values, then
 * the tiles, smallest overview first and full resolution last, each level's tiles row by row.
 *
 * <p>Memory stays bounded by one strip of {@link #TILE} rows per level: the image is read strip by
 * strip, each level compresses its strips' tiles into a spool file of its own as they come and
 * passes every other row and column on to the next overview ({@link LevelSpool}); then {@link
 * CogFile} writes the directories, whose sizes do not depend on where the tiles go, and copies
 * the spools after them. The file appears under its name only when complete.
 *
 * <p>Apache SIS 1.6's GeoTIFF writer was tried first (see the README): it writes no reduced
 * resolution images, and it cannot write EPSG:3413, whose axes point "South along 45°E".
 */
final class CogWriter {
  /** Tile width and height, GDAL's COG default for most grids; also the rows of a strip. */
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
   * @param source the full-resolution image, read strip by strip
   * @param sampleFormat TIFF SampleFormat: 1 unsigned, 2 signed integer, 3 floating point
   * @param pad one sample's bytes for the parts of edge tiles beyond the image (the nodata value)
   */
  record Image(SliceImage source, int sampleFormat, byte[] pad) {}

  private CogWriter() {}

  /**
   * Writes the file: under a hidden temporary name in its directory, moved into place once
   * complete; on failure neither it nor the spool files remain.
   *
   * @param mainTags adds the full resolution image's georeferencing and metadata tags
   * @param everyTags adds tags every image carries (GDAL_NODATA)
   */
  static void write(Path file, Image image, Codec codec, Consumer<Ifd> mainTags,
      Consumer<Ifd> everyTags) throws IOException {
    SliceImage src = image.source();
    List<int[]> sizes = new ArrayList<>(List.of(new int[] {src.width(), src.height()}));
    int[] last = sizes.get(0);
    while (last[0] > TILE || last[1] > TILE) {
      last = new int[] {(last[0] + 1) / 2, (last[1] + 1) / 2};
      sizes.add(last);
    }
    int predictor = TileCodec.predictor(codec, image.sampleFormat());
    byte[] padRow = Pixels.padRow(TILE, src.bands(), image.pad());
    Path dir = file.toAbsolutePath().getParent();
    String name = "." + file.getFileName();
    List<Path> spools = new ArrayList<>();
    LevelSpool[] levels = new LevelSpool[sizes.size()];
    Throwable failure = null;
    try (TileCodec tiles = new TileCodec(codec, predictor, src.bands(), src.sampleBytes())) {
      for (int i = levels.length - 1; i >= 0; i--) {
        spools.add(CogFile.newFile(dir, name + "-" + i, ".spool"));
        levels[i] = new LevelSpool(sizes.get(i)[0], sizes.get(i)[1], src.bands(),
            src.sampleBytes(), spools.get(spools.size() - 1), tiles, padRow,
            i + 1 < levels.length ? levels[i + 1] : null);
      }
      for (int row = 0; row < src.height(); row += TILE) {
        levels[0].add(src.strip(row, Math.min(TILE, src.height() - row)));
      }
      for (LevelSpool l : levels) {
        l.finish();
      }
      CogFile.write(file, name, List.of(levels), image, codec, predictor, mainTags, everyTags);
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      for (LevelSpool l : levels) {
        if (l != null) {
          closeAfter(failure, l);
        }
      }
      for (Path p : spools) {
        deleteAfter(failure, p);
      }
    }
  }

  private static void closeAfter(Throwable failure, LevelSpool l) throws IOException {
    try {
      l.close();
    } catch (IOException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  /** Deletes {@code p}; a failure to do so is thrown, or added to the failure under way. */
  static void deleteAfter(Throwable failure, Path p) throws IOException {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }
}
