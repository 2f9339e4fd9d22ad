package org.headwater.publish.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.headwater.publish.PublishException;
import org.headwater.publish.validate.PinnedSchemas.PinnedFile;

/**
 * Downloads the {@link PinnedSchemas} into a schema folder. Each file is streamed to a temporary
 * name while its SHA-256 is taken; only a file whose digest is the pinned one is renamed into
 * place, so the folder never holds a file that differs from the pinned revision. Files already
 * there with the right digest are not downloaded again.
 */
public final class SchemaFetcher {
  private static final long MAX_FILE = 16L << 20;
  private static final int ATTEMPTS = 3;

  private final OkHttpClient client;
  private final URI mirror;

  private SchemaFetcher(OkHttpClient client, URI mirror) {
    this.client = client;
    this.mirror = mirror;
  }

  /** The environment variable naming a mirror URL to fetch from instead of the canonical ones. */
  public static final String MIRROR_ENV = "HEADWATER_SCHEMAS_FROM";

  /** Fetches every file from its canonical pinned location. */
  public static SchemaFetcher canonical() {
    return new SchemaFetcher(defaultClient(), null);
  }

  /** From the {@value #MIRROR_ENV} mirror when it is set, else {@link #canonical()}. */
  public static SchemaFetcher fromEnv(Map<String, String> env) {
    String m = env.get(MIRROR_ENV);
    return m == null || m.isBlank() ? canonical() : mirror(URI.create(m));
  }

  /**
   * Fetches from {@code base} instead, a URL laid out like a schema folder ({@code
   * base/dataone/dataoneTypes.xsd}, {@code base/eml-2.2.0/eml.xsd}, ...): a team's copy. Digests
   * are checked the same way.
   */
  public static SchemaFetcher mirror(URI base) {
    String s = base.toString();
    return new SchemaFetcher(defaultClient(), URI.create(s.endsWith("/") ? s : s + "/"));
  }

  /**
   * Makes {@code dir} hold every pinned file, reporting one line per file downloaded.
   *
   * @return the number of files downloaded (0 when all were there)
   * @throws PublishException.SchemasNotFound naming each file that could not be had or whose
   *     digest differed (those are not cached); the others stay cached
   */
  public int fetch(Path dir, Consumer<String> progress) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PublishException.SchemasNotFound("cannot create the schema folder " + dir + ": " + e);
    }
    int fetched = 0;
    List<String> problems = new ArrayList<>();
    for (PinnedFile f : PinnedSchemas.files()) {
      if (f.isIn(dir)) {
        continue;
      }
      URI from = mirror == null ? f.source() : mirror.resolve(f.path());
      try {
        String got = download(from, dir.resolve(f.path()), f.sha256());
        if (got == null) {
          fetched++;
          progress.accept("fetched " + f.path());
        } else {
          problems.add(f.path() + " from " + from + " has SHA-256 " + got + ", not the pinned "
              + f.sha256() + " (refused, not cached)");
        }
      } catch (IOException e) {
        // the network or the mirror is down: the remaining files would fail the same way
        problems.add(f.path() + " from " + from + ": " + (e.getMessage() == null ? e : e.getMessage()));
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new PublishException.SchemasNotFound("could not fetch the XML schemas into " + dir + ": "
          + String.join("; ", problems) + ". Check the network (or the mirror URL) and run '"
          + SchemaCache.FETCH_COMMAND + "' again, or pass --schemas DIR with a local copy");
    }
    return fetched;
  }

  /** Downloads into place when the digest matches; returns null then, else the digest found. */
  private String download(URI from, Path target, String expected) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
    try {
      String got = HexFormat.of().formatHex(getTo(from, tmp));
      if (!got.equals(expected)) {
        return got;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return null;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** GETs {@code from} into {@code file}, retrying dropped connections and 5xx; the SHA-256. */
  private byte[] getTo(URI from, Path file) throws IOException {
    for (int attempt = 1; ; attempt++) {
      int status;
      try (Response r = client.newCall(new Request.Builder().url(from.toString()).build()).execute()) {
        if (r.isSuccessful()) {
          return copy(r.body(), file);
        }
        status = r.code();
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        continue;
      }
      if (status < 500 || attempt == ATTEMPTS) {
        throw new IOException("HTTP " + status);
      }
    }
  }

  private static byte[] copy(ResponseBody body, Path file) throws IOException {
    DigestInputStream in = new DigestInputStream(body.byteStream(), PinnedSchemas.sha256());
    try (InputStream src = in; OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[64 << 10];
      long total = 0;
      for (int n; (n = src.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_FILE) {
          throw new IOException("larger than " + (MAX_FILE >> 20) + " MiB; not a schema file");
        }
        out.write(buf, 0, n);
      }
    }
    return in.getMessageDigest().digest();
  }

  private static OkHttpClient defaultClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofMinutes(2))
        .build();
  }
}
