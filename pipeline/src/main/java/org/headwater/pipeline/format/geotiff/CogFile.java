package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Assembles a COG from its levels' spool files: the 8-byte header, every level's image file
 * directory (full resolution first, each linked to the next), then the spools, smallest overview
 * first, copied by the kernel ({@link FileChannel#transferTo}). A directory's size depends only on
 * its entries' counts, so all offsets are known before the first byte is written.
 */
final class CogFile {
  private CogFile() {}

  /**
   * Writes {@code file} from finished levels (full resolution first) through a temporary file
   * named from {@code hidden} in the same directory, renamed to {@code file} when complete.
   */
  static void write(Path file, String hidden, List<LevelSpool> levels, CogWriter.Image image,
      CogWriter.Codec codec, int predictor, Consumer<Ifd> mainTags, Consumer<Ifd> everyTags)
      throws IOException {
    Ifd[] ifds = new Ifd[levels.size()];
    for (int i = 0; i < ifds.length; i++) {
      LevelSpool l = levels.get(i);
      ifds[i] = directory(l, i > 0, image, codec, predictor);
      long[] counts = l.byteCounts();
      ifds[i].longs(324, new long[counts.length]).longs(325, counts);
      if (i == 0) {
        mainTags.accept(ifds[i]);
      }
      everyTags.accept(ifds[i]);
    }
    long[] ifdAt = new long[ifds.length];
    long pos = 8;
    for (int i = 0; i < ifds.length; i++) {
      ifdAt[i] = pos;
      pos += ifds[i].size();
    }
    long end = pos;
    for (LevelSpool l : levels) {
      end += l.spooled();
    }
    if (end > 0xFFFFFFFFL) {
      throw new IOException(file + " would be " + end + " bytes, over classic TIFF's 4 GiB;"
          + " write smaller slices (one file per 2-D slice instead of bands:)");
    }
    for (int i = levels.size() - 1; i >= 0; i--) {
      long[] counts = levels.get(i).byteCounts();
      long[] offsets = new long[counts.length];
      for (int k = 0; k < offsets.length; k++) {
        offsets[k] = pos;
        pos += counts[k];
      }
      ifds[i].longs(324, offsets);
    }
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = newFile(dir, hidden, ".tmp");
    Throwable failure = null;
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
            .put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifdAt[0]);
        writeFully(out, head.flip());
        for (int i = 0; i < ifds.length; i++) {
          byte[] d = ifds[i].encode(ifdAt[i], i + 1 < ifds.length ? ifdAt[i + 1] : 0);
          writeFully(out, ByteBuffer.wrap(d));
        }
        for (int i = levels.size() - 1; i >= 0; i--) {
          append(levels.get(i).spool(), levels.get(i).spooled(), out);
        }
        if (out.size() != end) {
          throw new IOException(tmp + ": wrote " + out.size() + " bytes, expected " + end);
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      CogWriter.deleteAfter(failure, tmp);
    }
  }

  /**
   * Creates a new empty file {@code dir/prefix-RANDOM suffix}, with the permissions a new file
   * gets (unlike {@link Files#createTempFile}'s owner-only ones, which the renamed COG would keep).
   */
  static Path newFile(Path dir, String prefix, String suffix) throws IOException {
    while (true) {
      Path p = dir.resolve(prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
          + suffix);
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** Appends the whole spool (which must hold {@code bytes}) to {@code out}. */
  private static void append(Path spool, long bytes, FileChannel out) throws IOException {
    try (FileChannel in = FileChannel.open(spool, StandardOpenOption.READ)) {
      if (in.size() != bytes) {
        throw new IOException(spool + " holds " + in.size() + " bytes, expected " + bytes);
      }
      for (long done = 0; done < bytes; ) {
        long n = in.transferTo(done, bytes - done, out);
        if (n <= 0) {
          throw new IOException("cannot copy " + spool + " after " + done + " bytes");
        }
        done += n;
      }
    }
  }

  private static Ifd directory(LevelSpool l, boolean overview, CogWriter.Image image,
      CogWriter.Codec codec, int predictor) {
    int bands = image.source().bands();
    int[] bits = new int[bands];
    int[] formats = new int[bands];
    Arrays.fill(bits, 8 * image.source().sampleBytes());
    Arrays.fill(formats, image.sampleFormat());
    Ifd ifd = new Ifd()
        .longs(254, overview ? 1 : 0)
        .longs(256, l.width())
        .longs(257, l.height())
        .shorts(258, bits)
        .shorts(259, codec.compression())
        .shorts(262, 1)
        .shorts(277, bands)
        .shorts(284, 1)
        .shorts(322, CogWriter.TILE)
        .shorts(323, CogWriter.TILE)
        .shorts(339, formats);
    if (predictor != 1) {
      ifd.shorts(317, predictor);
    }
    if (bands > 1) {
      ifd.shorts(338, new int[bands - 1]);
    }
    return ifd;
  }
}
