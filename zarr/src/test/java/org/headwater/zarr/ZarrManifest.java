package org.headwater.zarr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content manifest and SHA-256 of a directory store (or any directory).
 *
 * <p>The manifest has one line per regular file, {@code <relative path>\t<size>\t<sha256 hex>\n},
 * with '/' as path separator, sorted by path (String order). The store hash is the SHA-256 of the
 * UTF-8 manifest text. Every file is included (metadata, chunks, any leftover files), so two
 * stores have equal hashes exactly when they contain the same files with the same bytes. Files are
 * hashed as streams; the store is never loaded into memory.
 */
/** Test helper: a digest of a store's files, to compare two stores. */
final class ZarrManifest {
  private ZarrManifest() {}

  /**
   * One file of a store.
   *
   * @param path path relative to the store root, '/'-separated
   * @param size size in bytes
   * @param sha256 lower-case hex SHA-256 of the content
   */
  public record Entry(String path, long size, String sha256) {
    /** @return the manifest line, {@code path\tsize\tsha256\n} */
    public String line() {
      return path + "\t" + size + "\t" + sha256 + "\n";
    }
  }

  /**
   * A store manifest.
   *
   * @param entries the files, sorted by path
   * @param sha256 lower-case hex SHA-256 of {@link #text()}
   */
  public record Manifest(List<Entry> entries, String sha256) {
    /**
     * Copies the entry list.
     *
     * @param entries the files, sorted by path
     * @param sha256 hex SHA-256 of the manifest text
     */
    public Manifest {
      entries = List.copyOf(entries);
    }

    /** @return the manifest text: all entry lines concatenated */
    public String text() {
      StringBuilder b = new StringBuilder();
      entries.forEach(e -> b.append(e.line()));
      return b.toString();
    }
  }

  /**
   * Computes the manifest of a store.
   *
   * @param store the store directory
   * @return its manifest and hash
   * @throws ZarrException if the directory cannot be read
   */
  public static Manifest of(Path store) {
    Path root = store.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ZarrException("cannot compute manifest: " + root + " is not a directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ZarrException("cannot list " + root + " for its manifest: " + e, e);
    }
    List<Entry> entries = new ArrayList<>(files.size());
    byte[] buffer = new byte[64 * 1024];
    for (Path file : files) {
      entries.add(entry(root, file, buffer));
    }
    entries.sort((a, b) -> a.path().compareTo(b.path()));
    MessageDigest total = sha256();
    for (Entry e : entries) {
      total.update(e.line().getBytes(StandardCharsets.UTF_8));
    }
    return new Manifest(entries, HexFormat.of().formatHex(total.digest()));
  }

  private static String relative(Path root, Path file) {
    StringBuilder b = new StringBuilder();
    for (Path part : root.relativize(file)) {
      b.append(b.length() == 0 ? "" : "/").append(part);
    }
    return b.toString();
  }

  /** Hashes one file as a stream; the size is the number of bytes hashed. */
  private static Entry entry(Path root, Path file, byte[] buffer) {
    MessageDigest digest = sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; size += n) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new ZarrException("cannot hash " + file + " for the manifest of " + root + ": " + e, e);
    }
    return new Entry(relative(root, file), size, HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
