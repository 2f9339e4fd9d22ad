package org.headwater.publish.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A loopback HTTP server that serves a schema folder (the official files, laid out like the user
 * cache) under {@code /copy/}, as a team's copy would; {@link #tamper} alters one file's bytes.
 */
public final class SchemaMirror implements AutoCloseable {
  private final Path folder;
  private final MockWebServer server = new MockWebServer();
  private final List<String> served = new ArrayList<>();
  private volatile String tampered;
  private volatile UnaryOperator<String> edit;

  private SchemaMirror(Path folder) {
    this.folder = folder;
  }

  /** Serves {@code folder}; 404 for anything outside it. */
  public static SchemaMirror serving(Path folder) throws IOException {
    SchemaMirror m = new SchemaMirror(folder.toAbsolutePath().normalize());
    m.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return m.answer(r.getPath());
      }
    });
    m.server.start();
    return m;
  }

  /** The base URL to fetch from ({@code --from}, {@code HEADWATER_SCHEMAS_FROM}). */
  public URI url() {
    return server.url("/copy/").uri();
  }

  /** From now on serves {@code path} with its text changed by {@code change}; null stops it. */
  public void tamper(String path, UnaryOperator<String> change) {
    this.tampered = path;
    this.edit = change;
  }

  /** The paths served so far, in order; {@link #clearServed()} starts again. */
  public synchronized List<String> served() {
    return List.copyOf(served);
  }

  public synchronized void clearServed() {
    served.clear();
  }

  private MockResponse answer(String requestPath) {
    String path = requestPath.startsWith("/copy/") ? requestPath.substring("/copy/".length()) : "";
    Path f = folder.resolve(path).normalize();
    if (path.isEmpty() || !f.startsWith(folder) || !Files.isRegularFile(f)) {
      return new MockResponse().setResponseCode(404);
    }
    synchronized (this) {
      served.add(path);
    }
    try {
      byte[] bytes = Files.readAllBytes(f);
      if (path.equals(tampered) && edit != null) {
        bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      return new MockResponse().setBody(new Buffer().write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
