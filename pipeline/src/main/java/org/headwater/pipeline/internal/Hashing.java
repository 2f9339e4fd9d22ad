package org.headwater.pipeline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. */
public final class Hashing {
  private Hashing() {}

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** The size of a file, or the total size of the regular files under a directory. */
  public static long size(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Files.size(path);
    }
    long total = 0;
    try (var files = Files.walk(path)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        total += Files.size(p);
      }
    }
    return total;
  }

  /** Streams a file through SHA-256. */
  public static String sha256Hex(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
