package org.headwater.zarr.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.headwater.zarr.ZarrException;

/** File operations of a directory store: atomic writes and JSON metadata reads. */
public final class StoreFiles {
  private StoreFiles() {}

  /**
   * Writes {@code bytes} to a temporary file next to {@code target} and renames it over
   * {@code target}, so readers never see a partial file and concurrent writers of different files
   * do not interfere.
   *
   * @param target the final file
   * @param bytes its content
   * @return what was written
   * @throws ZarrException naming {@code target} if the write fails
   */
  public static Digest writeAtomically(Path target, byte[] bytes) {
    return writeAtomically(target, ByteBuffer.wrap(bytes));
  }

  /**
   * The size and SHA-256 of a file's bytes, computed as it was written.
   *
   * @param size bytes written
   * @param sha256 lower-case hex
   */
  public record Digest(long size, String sha256) {}

  /**
   * Like {@link #writeAtomically(Path, byte[])}, with the content in a (native) buffer.
   *
   * @param target the final file
   * @param bytes its content, from position to limit
   * @return what was written
   * @throws ZarrException naming {@code target} if the write fails
   */
  public static Digest writeAtomically(Path target, ByteBuffer bytes) {
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    MessageDigest sha = sha256();
    long size = bytes.remaining();
    sha.update(bytes.duplicate());
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
      move(tmp, target);
      return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new ZarrException("cannot write " + target + ": " + e
          + ": check that the directory exists, is writable and the disk is not full", e);
    }
  }

  /** Content written to a stream. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out} (closing it is allowed; it is closed afterwards anyway). */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Like {@link #writeAtomically(Path, byte[])}, with the content written as a stream.
   *
   * @param target the final file
   * @param content writes the file's bytes
   * @return what was written
   * @throws ZarrException naming {@code target} if the write fails
   */
  public static Digest writeAtomically(Path target, Content content) {
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    MessageDigest sha = sha256();
    try {
      try (OutputStream out =
          new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), sha), 64 * 1024)) {
        content.writeTo(out);
      }
      long size = Files.size(tmp);
      move(tmp, target);
      return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new ZarrException("cannot write " + target + ": " + e
          + ": check that the directory exists, is writable and the disk is not full", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Reads and parses a JSON metadata file.
   *
   * @param file e.g. {@code /x/store/temp/.zarray}
   * @return the parsed value (see {@link Json#toJava})
   * @throws ZarrException naming the file if it is missing, unreadable or not JSON
   */
  public static Object readJson(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ZarrException("missing " + file + ": the store is incomplete or not a Zarr v2 store", e);
    } catch (IOException | UncheckedIOException e) {
      throw new ZarrException("cannot read " + file + ": " + e, e);
    }
    try {
      return Json.parseValue(text);
    } catch (ZarrException e) {
      throw new ZarrException(e.getMessage() + " in " + file + ": fix or regenerate the file", e);
    }
  }

  /**
   * Reads a whole (chunk) file, or returns {@code null} if it does not exist.
   *
   * @param file the chunk file
   * @return the bytes or {@code null}
   */
  public static byte[] readIfExists(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new ZarrException("cannot read chunk " + file + ": " + e, e);
    }
  }
}
