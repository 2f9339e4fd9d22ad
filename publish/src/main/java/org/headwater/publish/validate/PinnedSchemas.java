package org.headwater.publish.validate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The official XML Schemas Headwater validates against, each pinned to a revision of its canonical
 * source and to a SHA-256 ({@code pinned-schemas.tsv} beside this class). Headwater's tree holds
 * none of the schema files themselves; {@link SchemaFetcher} downloads them and {@link SchemaCache}
 * finds them.
 */
public final class PinnedSchemas {
  private static final String RESOURCE = "pinned-schemas.tsv";
  private static final List<PinnedFile> FILES = load();

  private PinnedSchemas() {}

  /**
   * One pinned file.
   *
   * @param path where it lies in a schema folder, e.g. {@code eml-2.2.0/eml.xsd}
   * @param source its canonical published location at the pinned revision
   * @param sha256 the lower-case hex SHA-256 of its bytes
   */
  public record PinnedFile(String path, URI source, String sha256) {
    public PinnedFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("not a SHA-256: " + sha256);
      }
    }

    /** Whether {@code dir} holds this file with the pinned digest. */
    public boolean isIn(Path dir) {
      Path f = dir.resolve(path);
      return Files.isRegularFile(f) && sha256.equals(sha256Of(f));
    }
  }

  /** Every pinned file, in the order they are fetched. */
  public static List<PinnedFile> files() {
    return FILES;
  }

  /** Whether {@code dir} holds every pinned file with its pinned digest. */
  public static boolean allIn(Path dir) {
    return FILES.stream().allMatch(f -> f.isIn(dir));
  }

  /** The hex SHA-256 of a file, or null when it cannot be read. */
  static String sha256Of(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      return null;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static List<PinnedFile> load() {
    try (InputStream in = PinnedSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the publish module");
      }
      List<PinnedFile> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.strip().split("\t");
        out.add(new PinnedFile(f[0], URI.create(f[1]), f[2]));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }
}
