package org.headwater.provenance.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SHA-256 identity of files and Zarr stores, as recorded in run records and used for lineage.
 *
 * <p>A regular file is the SHA-256 of its bytes. A directory (a Zarr store) is the SHA-256 of its
 * <em>manifest</em>: one line per regular file, {@code <sha256-hex><two spaces><relative path with
 * '/'>\n} (the format of {@code sha256sum}), sorted by path in UTF-8 byte order. The pipeline must
 * compute output checksums with the same rule so that {@code headwater lineage PATH} finds them.
 */
public final class Checksums {
  private Checksums() {}

  /** SHA-256 (lower-case hex) of a file's bytes, or of a directory's manifest. */
  public static String sha256(Path path) {
    return Files.isDirectory(path)
        ? sha256(manifest(path).getBytes(StandardCharsets.UTF_8))
        : sha256File(path);
  }

  /**
   * Like {@link #sha256(Path)}, with the hashes of some of a directory's files already known
   * (computed as they were written): those are not read again.
   *
   * @param known by path relative to {@code path} ('/' separators); an entry whose size is not
   *     the file's current size is ignored and the file hashed
   */
  public static String sha256(Path path, Map<String, Known> known) {
    return Files.isDirectory(path)
        ? sha256(manifest(path, known).getBytes(StandardCharsets.UTF_8))
        : sha256File(path);
  }

  /**
   * The size and SHA-256 of a file, computed when it was written.
   *
   * @param size bytes
   * @param sha256 lower-case hex
   */
  public record Known(long size, String sha256) {}

  /** The manifest text of a directory (see the class comment). */
  public static String manifest(Path dir) {
    return manifest(dir, Map.of());
  }

  private static String manifest(Path dir, Map<String, Known> known) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> regular = files.filter(Files::isRegularFile).collect(Collectors.toList());
      return regular.stream()
          .map(p -> new String[] {relative(dir, p), hash(dir, p, known)})
          .sorted((a, b) -> compareUtf8(a[0], b[0]))
          .map(e -> e[1] + "  " + e[0] + "\n")
          .collect(Collectors.joining());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** SHA-256 (lower-case hex) of bytes. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** SHA-256 (lower-case hex) of everything read from {@code in}; does not close it. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest md = digest();
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      md.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256File(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String hash(Path dir, Path file, Map<String, Known> known) {
    Known k = known.get(relative(dir, file));
    try {
      if (k != null && Files.size(file) == k.size()) {
        return k.sha256();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return sha256File(file);
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
