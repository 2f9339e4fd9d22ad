package org.headwater.pipeline.format.geotiff;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One resolution level being written: rows arrive strip by strip (from the image, or from the
 * level above as every other row and column of its strips), collect into one strip of {@link
 * CogWriter#TILE} rows, and each full strip is cut into tiles, compressed and appended to this
 * level's spool file, while its halved rows go on to the next level. What stays in memory is that
 * one strip and each tile's byte count.
 */
final class LevelSpool implements AutoCloseable {
  private static final int TILE = CogWriter.TILE;

  private final int width;
  private final int height;
  private final int bands;
  private final int sampleBytes;
  private final Path spool;
  private final OutputStream out;
  private final long[] byteCounts;
  private final LevelSpool next;
  private final TileCodec codec;
  private final byte[] padRow;
  private final byte[] tile;
  private byte[] strip;
  private int filled;
  private int rowsDone;
  private int tiles;

  /**
   * A level whose tiles go to {@code spool} (created, or emptied).
   *
   * @param next the next (smaller) level, or null for the last
   */
  LevelSpool(int width, int height, int bands, int sampleBytes, Path spool, TileCodec codec,
      byte[] padRow, LevelSpool next) throws IOException {
    this.width = width;
    this.height = height;
    this.bands = bands;
    this.sampleBytes = sampleBytes;
    this.spool = spool;
    this.codec = codec;
    this.padRow = padRow;
    this.next = next;
    this.byteCounts = new long[across() * ((height + TILE - 1) / TILE)];
    this.tile = new byte[TILE * TILE * bands * sampleBytes];
    this.out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Path spool() {
    return spool;
  }

  /** Each tile's compressed size, row by row of tiles. */
  long[] byteCounts() {
    return byteCounts;
  }

  /** Bytes of all tiles. */
  long spooled() {
    long n = 0;
    for (long b : byteCounts) {
      n += b;
    }
    return n;
  }

  private int across() {
    return (width + TILE - 1) / TILE;
  }

  /** Takes the next rows of this level (at most what completes the current strip). */
  void add(Pixels rows) throws IOException {
    int want = Math.min(TILE, height - rowsDone);
    if (rows.width() != width || filled + rows.height() > want) {
      throw new IllegalStateException(rows.width() + "x" + rows.height() + " rows after "
          + (rowsDone + filled) + " of a " + width + "x" + height + " level");
    }
    int rowBytes = width * bands * sampleBytes;
    if (filled == 0 && rows.height() == want) {
      strip = rows.data();
    } else {
      if (filled == 0 && (strip == null || strip.length != want * rowBytes)) {
        strip = new byte[want * rowBytes];
      }
      System.arraycopy(rows.data(), 0, strip, filled * rowBytes, rows.data().length);
    }
    filled += rows.height();
    if (filled == want) {
      flush();
    }
  }

  private void flush() throws IOException {
    Pixels s = new Pixels(width, filled, bands, sampleBytes, strip);
    for (int tx = 0; tx < across(); tx++) {
      s.tile(tx, TILE, padRow, tile);
      byteCounts[tiles++] = codec.write(tile, out);
    }
    rowsDone += filled;
    filled = 0;
    if (next != null) {
      next.add(s.halved());
    }
  }

  /** Checks every row arrived and closes the spool file, ready to be copied. */
  void finish() throws IOException {
    out.close();
    if (rowsDone != height || tiles != byteCounts.length) {
      throw new IllegalStateException(
          "level " + width + "x" + height + " got " + rowsDone + " rows, " + tiles + " tiles");
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
