package org.headwater.publish.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.headwater.publish.internal.XmlOut;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;

/**
 * A Member Node on loopback built from Metacat's own code (github.com/NCEAS/metacat, classes named
 * beside each behaviour: restservice.D1ResourceHandler, restservice.v2.MNResourceHandler,
 * dataone.MNodeService, dataone.D1NodeService, storage.Storage) and DataONE's exception
 * serialisation (d1_common_java BaseException.serializeXML). Faults can be injected.
 *
 * <p>Base URL: {@link #baseUrl()} (the client appends {@code /v2/...}).
 */
public final class FakeMemberNode implements AutoCloseable {
  /** The node identifier Metacat's getCapabilities reports; it fills authoritativeMemberNode. */
  static final String NODE_ID = "urn:node:FAKE";
  /** The package of DataONE's exception classes, as getClass().getName() gives it. */
  static final String EXCEPTIONS = "org.dataone.service.exceptions.";

  final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  final FakeStore store;
  private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
  private volatile Duration slowDelay = Duration.ofSeconds(2);
  private final java.util.Set<String> signed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public FakeMemberNode(Path schemas) throws IOException {
    this.store = new FakeStore(new FakeValidator(schemas));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/mn", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mn";
  }

  public void inject(Fault f) {
    faults.add(f);
  }

  /** From now on only these tokens verify; any other gives no session (see {@link FakeAuth}). */
  public void acceptOnly(String... tokens) {
    signed.addAll(List.of(tokens));
  }

  /** Whether any create or update (POST or PUT of /v2/object) reached the node. */
  public boolean receivedWrites() {
    return requests().stream().anyMatch(r -> r.startsWith("POST /v2/object") || r.startsWith("PUT /v2/object"));
  }

  public void slowDelay(Duration d) {
    slowDelay = d;
  }

  /** Every request as {@code METHOD path}, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Every Authorization header received (to check the token went only there). */
  public List<String> authHeaders() {
    return List.copyOf(authHeaders);
  }

  /** How many objects are stored. */
  public int objectCount() {
    return store.count();
  }

  /** The stored system metadata of a PID, or null. */
  public SystemMetadata sysmeta(String pid) {
    return store.sysmeta(pid);
  }

  /** The stored bytes of a small object, or null. */
  public byte[] content(String pid) {
    return store.content(pid);
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      answer(ex);
    } finally {
      ex.close();
    }
  }

  private void answer(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String raw = ex.getRequestURI().getRawPath();
      String path = raw.substring("/mn".length());
      requests.add(method + " " + path);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authHeaders.add(auth);
      }
      Fault fault = takeFault(method, path);
      if (fault != null && fault.kind() == Fault.Kind.UNAVAILABLE) {
        // What Tomcat or the proxy in front of Metacat answers when it is down: 503, no DataONE body.
        byte[] page = "<html><body>503 Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(503, page.length);
        ex.getResponseBody().write(page);
        return;
      }
      if (fault != null && fault.kind() == Fault.Kind.DROP_MID_UPLOAD) {
        InputStream in = ex.getRequestBody();
        in.readNBytes(Math.max(1, (int) Math.min(4096, length(ex) / 2)));
        throw new DropConnection();
      }
      if (fault != null && fault.kind() == Fault.Kind.SLOW) {
        Thread.sleep(slowDelay.toMillis());
      }
      Reply r = route(ex, method, path);
      if (fault != null && fault.kind() == Fault.Kind.DROP_AFTER_COMMIT) {
        throw new DropConnection();
      }
      r.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      if ("HEAD".equals(method)) {
        ex.sendResponseHeaders(r.status, -1);
      } else {
        ex.sendResponseHeaders(r.status, r.body.length == 0 ? -1 : r.body.length);
        ex.getResponseBody().write(r.body);
      }
    } catch (FakeError e) {
      if ("HEAD".equals(ex.getRequestMethod())) {
        // MNResourceHandler.describeObject: status e.getCode(), no body, and the headers with the
        // FULLY QUALIFIED class name (e.getClass().getName()) and the PID asked about.
        ex.getResponseHeaders().set("DataONE-Exception-Name", EXCEPTIONS + e.name);
        ex.getResponseHeaders().set("DataONE-Exception-DetailCode", e.detail);
        ex.getResponseHeaders().set("DataONE-Exception-Description", e.getMessage());
        if (e.pid != null) {
          ex.getResponseHeaders().set("DataONE-Exception-PID", e.pid);
        }
        ex.sendResponseHeaders(e.status, -1);
      } else {
        error(ex, e.status, e.name, e.detail, e.pid, e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply route(HttpExchange ex, String method, String path) throws IOException {
    String[] seg = path.split("/");
    // seg[0] = "", seg[1] = "v2", seg[2] = call, seg[3] = pid
    if (seg.length < 3 || !"v2".equals(seg[1])) {
      throw new FakeError(404, "NotFound", "0", null, "no such endpoint " + path);
    }
    String call = seg[2];
    String pid = seg.length > 3 ? URLDecoder.decode(seg[3], StandardCharsets.UTF_8) : null;
    Map<String, String> query = query(ex.getRequestURI());
    switch (method + " " + call + (pid == null ? "" : " {pid}")) {
      case "GET monitor {pid}":
        return Reply.ok(new byte[0]);
      case "GET node":
        return Reply.ok(new XmlOut().root("d1", "node", SystemMetadataXml.NS_V2).leaf("identifier", NODE_ID)
            .leaf("name", "Fake Arctic Node").leaf("baseURL", baseUrl()).toBytes());
      case "GET isAuthorized {pid}":
        // D1NodeService.isAuthorized: NotFound "1800"; D1AuthHelper refuses the public (null)
        // session with NotAuthorized "1820".
        if (store.sysmeta(pid) == null) {
          throw new FakeError(404, "NotFound", "1800", pid, "No system metadata could be found for given PID: " + pid);
        }
        if (FakeAuth.subject(ex, signed) == null) {
          throw new FakeError(401, "NotAuthorized", "1820", pid, "public is not authorized for " + pid);
        }
        return Reply.ok("<boolean>true</boolean>".getBytes(StandardCharsets.UTF_8));
      case "POST generate":
        // MNodeService.generateIdentifier: InvalidToken "2190" without a session; scheme DOI asks
        // the DOI service, UUID gives "urn:uuid:...", anything else an autogenerated document id.
        FakeAuth.require(ex, signed, "2190", "Session is required to generate an Identifier at this Node.");
        return Reply.ok(identifier(generate(ex)));
      case "POST object":
        // MNodeService.create: InvalidToken "1110" without a session.
        String creator = FakeAuth.require(ex, signed, "1110", "Session is required to WRITE the objects to the Node.");
        return Reply.ok(identifier(store.create(ex, null, creator)));
      case "PUT object {pid}":
        // MNodeService.update: InvalidToken "1210" without a session.
        String updater = FakeAuth.require(ex, signed, "1210", "No session has been provided");
        return Reply.ok(identifier(store.create(ex, pid, updater)));
      case "HEAD object {pid}":
        return store.describe(pid);
      case "GET object {pid}":
        return Reply.ok(store.contentOrThrow(pid));
      case "GET meta {pid}":
        return Reply.ok(SystemMetadataXml.write(store.sysmetaOrThrow(pid)));
      case "GET checksum {pid}":
        String alg = query.getOrDefault("checksumAlgorithm", "SHA-256");
        SystemMetadata sm = store.sysmetaOrThrow(pid);
        if (!"SHA-256".equals(alg)) {
          throw new FakeError(400, "InvalidRequest", "1402", pid, "only SHA-256 here");
        }
        return Reply.ok(new XmlOut().root("d1", "checksum", SystemMetadataXml.NS_V1)
            .attr("algorithm", alg).text(sm.checksum().value()).toBytes());
      case "PUT archive {pid}":
        // MNodeService.archive: isAuthorized(CHANGE_PERMISSION) fails for a null session ->
        // NotAuthorized "1320".
        if (FakeAuth.subject(ex, signed) == null) {
          throw new FakeError(401, "NotAuthorized", "1320", pid, "The provided identity does not have"
              + " permission to archive the object on the Node.");
        }
        store.archive(pid);
        return Reply.ok(identifier(pid));
      default:
        throw new FakeError(405, "NotImplemented", "0", pid, "not implemented: " + method + " " + path);
    }
  }

  /** MNResourceHandler.generateIdentifier reads the form fields {@code scheme} and {@code fragment}. */
  private String generate(HttpExchange ex) throws IOException {
    String scheme = null;
    MultipartReader mp = new MultipartReader(ex.getRequestBody(),
        MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type")));
    for (String[] part; (part = mp.next()) != null; ) {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      mp.copyBody(b);
      if ("scheme".equals(part[0])) {
        scheme = b.toString(StandardCharsets.UTF_8);
      }
    }
    if (scheme == null) {
      throw new FakeError(400, "InvalidRequest", "2192", null, "The scheme parameter is required.");
    }
    if ("DOI".equalsIgnoreCase(scheme)) {
      return store.mintDoi();
    }
    return "urn:uuid:" + java.util.UUID.randomUUID();
  }

  /** The {@code d1:identifier} document MNResourceHandler writes with TypeMarshaller. */
  private static byte[] identifier(String pid) {
    return new XmlOut().root("d1", "identifier", SystemMetadataXml.NS_V1).text(pid).toBytes();
  }

  private Fault takeFault(String method, String path) {
    synchronized (faults) {
      for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
        Fault f = it.next();
        if (f.method().equals(method) && path.contains(f.pathPart())) {
          it.remove();
          if (f.times() > 1) {
            faults.add(new Fault(f.method(), f.pathPart(), f.kind(), f.times() - 1));
          }
          return f;
        }
      }
    }
    return null;
  }

  private static long length(HttpExchange ex) {
    String cl = ex.getRequestHeaders().getFirst("Content-Length");
    return cl == null ? 8192 : Long.parseLong(cl);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> m = new ConcurrentHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          m.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return m;
  }

  /**
   * D1ResourceHandler.serializeException: content type text/xml, status e.getCode(), and the body of
   * d1_common_java BaseException.serializeXML: {@code <error name= detailCode= errorCode=
   * [identifier=]>} where name is the class's SHORT name, then {@code <description>}.
   */
  static void error(HttpExchange ex, int status, String name, String detail, String pid, String description)
      throws IOException {
    XmlOut x = new XmlOut().root("", "error", "").attr("name", name).attr("detailCode", detail)
        .attr("errorCode", status).attr("identifier", pid);
    byte[] body = x.leaf("description", description).toBytes();
    ex.getResponseHeaders().set("Content-Type", "text/xml");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  /** Thrown by a handler to make the server close the connection without answering. */
  static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** A DataONE error the fake answers with. */
  static final class FakeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String name;
    final String detail;
    final String pid;

    FakeError(int status, String name, String detail, String pid, String description) {
      super(description);
      this.status = status;
      this.name = name;
      this.detail = detail;
      this.pid = pid;
    }
  }

  /** A successful answer. */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    static Reply ok(byte[] body) {
      return new Reply(200, Map.of("Content-Type", "text/xml"), body);
    }
  }

}
