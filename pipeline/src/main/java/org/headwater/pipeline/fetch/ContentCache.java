package org.headwater.pipeline.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.provenance.record.Secrets;

/**
 * A content-addressed cache of downloaded sources.
 *
 * <p>Bytes live under {@code objects/<first two hex digits>/<sha256>}; an index under {@code
 * index/<sha256 of the URL>.json} records, per URL, the object's hash, size, ETag and
 * Last-Modified. Writes go to a temporary file and are moved into place, so a crash never leaves a
 * partial object, and several threads or processes can share a cache.
 */
public final class ContentCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;

  /** One URL's cache entry. */
  public record Entry(String url, String sha256, long size, String etag, String lastModified) {}

  /** The result of storing a stream: its hash, size and object path. */
  public record Stored(String sha256, long size, Path object) {}

  public ContentCache(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The object file for a hash (which may not exist). */
  public Path object(String sha256) {
    return root.resolve("objects").resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** The index entry for a URL whose object is present. */
  public Optional<Entry> lookup(String url) throws IOException {
    Path idx = indexFile(url);
    if (!Files.isRegularFile(idx)) {
      return Optional.empty();
    }
    Entry e;
    try {
      e = JSON.readValue(idx.toFile(), Entry.class);
    } catch (IOException bad) {
      Files.deleteIfExists(idx);
      return Optional.empty();
    }
    if (!e.url().equals(Secrets.redact(url)) || !Files.isRegularFile(object(e.sha256()))
        || Files.size(object(e.sha256())) != e.size()) {
      return Optional.empty();
    }
    return Optional.of(new Entry(url, e.sha256(), e.size(), e.etag(), e.lastModified()));
  }

  /**
   * Streams bytes into the cache while hashing them.
   *
   * @param expectedSha256 when not null, the bytes must have this hash, else nothing is stored
   * @throws FetchException on a checksum mismatch, naming the URL and both hashes
   */
  public Stored store(String url, InputStream in, String expectedSha256) throws IOException {
    Path tmpDir = Files.createDirectories(root.resolve("tmp"));
    Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
    MessageDigest md = Hashing.sha256();
    long size = 0;
    try {
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          out.write(buf, 0, n);
          size += n;
        }
      }
      String sha = HexFormat.of().formatHex(md.digest());
      ExpectedChecksums.verify(url, expectedSha256, sha, size);
      Path obj = object(sha);
      Files.createDirectories(obj.getParent());
      Files.move(tmp, obj, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Stored(sha, size, obj);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Records which object a URL's current bytes are. The index file is named by the hash of the
   * whole URL; the URL written into it has any credential taken out ({@link Secrets#redact}).
   */
  public void index(Entry entry) throws IOException {
    Path idx = indexFile(entry.url());
    Files.createDirectories(idx.getParent());
    Path tmp = idx.resolveSibling(idx.getFileName() + "." + UUID.randomUUID() + ".tmp");
    JSON.writeValue(tmp.toFile(), new Entry(Secrets.redact(entry.url()), entry.sha256(), entry.size(),
        entry.etag(), entry.lastModified()));
    Files.move(tmp, idx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Path indexFile(String url) {
    String key = Hashing.sha256Hex(url.getBytes(StandardCharsets.UTF_8));
    return root.resolve("index").resolve(key + ".json");
  }
}
