package org.headwater.pipeline.stac;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The official STAC JSON Schemas for tests, never copied into the tree: the files pinned in {@code
 * stac-schemas.tsv} (URL and SHA-256), from {@code HEADWATER_STAC_SCHEMAS=DIR} (laid out as {@code
 * DIR/HOST/PATH}) or downloaded once into {@code ~/.cache/headwater/stac-schemas}. When they
 * cannot be had (CI reaches only Maven Central, Debian and npm) the calling test is skipped, with
 * the reason printed as {@code [SKIPPED]} on the console; a file whose hash differs fails it.
 */
final class StacSchemas {
  static final String ENV = "HEADWATER_STAC_SCHEMAS";

  private StacSchemas() {}

  /** The folder holding every pinned schema, checked; or the test is skipped. */
  static Path dir() throws IOException {
    Map<String, String> pins = pins();
    String env = System.getenv(ENV);
    Path dir = env != null ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "headwater", "stac-schemas");
    for (Map.Entry<String, String> pin : pins.entrySet()) {
      Path file = file(dir, pin.getKey());
      if (!Files.isRegularFile(file)) {
        if (env != null) {
          skip(ENV + "=" + env + " has no " + file + " (" + pin.getKey() + ")");
        }
        download(pin.getKey(), file);
      }
      String sha = sha256(Files.readAllBytes(file));
      if (!sha.equals(pin.getValue())) {
        fail(file + " (" + pin.getKey() + ") has SHA-256 " + sha + ", the pin in stac-schemas.tsv is "
            + pin.getValue() + "; delete it or fix " + ENV);
      }
    }
    return dir;
  }

  /** Where a schema's URL lives under the folder: {@code HOST/PATH}, without any fragment. */
  static Path file(Path dir, String url) {
    String s = url.replaceFirst("^https?://", "").replaceFirst("#.*$", "");
    return dir.resolve(s);
  }

  static Map<String, String> pins() throws IOException {
    Map<String, String> pins = new LinkedHashMap<>();
    try (InputStream in = StacSchemas.class.getResourceAsStream("stac-schemas.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          pins.put(f[0], f[1]);
        }
      }
    }
    return pins;
  }

  private static void download(String url, Path file) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        skip(url + " answered HTTP " + r.statusCode());
      }
      Files.createDirectories(file.getParent());
      Files.write(file, r.body());
    } catch (IOException e) {
      skip("cannot download " + url + " (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      skip("interrupted downloading " + url);
    }
  }

  private static void skip(String why) {
    String reason = "needs the official STAC JSON Schemas: " + why + "; set " + ENV + "=DIR"
        + " (files under DIR/HOST/PATH, as listed in stac-schemas.tsv)";
    @SuppressWarnings("resource") // the process's stderr stays open
    PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
    console.println("[SKIPPED] StacCatalogIT: " + reason);
    Assumptions.abort(reason);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
