package org.headwater.publish.sysmeta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A checksum as DataONE states it: an algorithm name from DataONE's list ({@code SHA-256}, {@code
 * MD5}, ...) and the lower-case hex digest.
 */
public record Checksum(String algorithm, String value) {
  public static final String SHA_256 = "SHA-256";

  public Checksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("checksum must be hex digits: '" + value + "'");
    }
  }

  public static Checksum sha256(String hex) {
    return new Checksum(SHA_256, hex);
  }

  /** Hashes a file with SHA-256, streaming. */
  public static Checksum sha256Of(Path file) throws IOException {
    MessageDigest md = newSha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return sha256(HexFormat.of().formatHex(md.digest()));
  }

  /** Hashes bytes with SHA-256. */
  public static Checksum sha256Of(byte[] bytes) {
    return sha256(HexFormat.of().formatHex(newSha256().digest(bytes)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** Same algorithm (ignoring case and dashes) and same digest. */
  public boolean matches(Checksum other) {
    return other != null
        && normal(algorithm).equals(normal(other.algorithm))
        && value.equals(other.value);
  }

  private static String normal(String alg) {
    return alg.replace("-", "").toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return algorithm + ":" + value;
  }
}
