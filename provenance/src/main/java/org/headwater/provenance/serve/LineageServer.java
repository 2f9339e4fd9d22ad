package org.headwater.provenance.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.headwater.provenance.ProvenanceException;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.headwater.provenance.store.StoreToken;
import org.headwater.provenance.store.TdbLineageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code headwater serve}: an embedded Fuseki server over the lineage store, speaking the standard
 * SPARQL 1.1 protocol at {@code http://HOST:PORT/lineage/sparql} (also {@code /lineage/query} and
 * read-only Graph Store Protocol at {@code /lineage/get}). No SPARQL update or upload endpoint
 * exists, so updates are refused with an HTTP 4xx. Started with a {@link StoreToken}, it also takes
 * graph writes by the Graph Store Protocol at {@code /lineage/data} from clients that send that
 * token ({@link WriteToken}; runs with {@code --store http://HOST:PORT/lineage}); without one,
 * {@code /lineage/data} is read-only too. It binds to the loopback interface unless told
 * otherwise. The default graph is the union of all runs.
 *
 * <pre>{@code
 * try (LineageServer server = LineageServer.start(store, "127.0.0.1", 3030)) {
 *   server.join();
 * }
 * // curl http://127.0.0.1:3030/lineage/sparql --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'
 * }</pre>
 */
public final class LineageServer implements AutoCloseable {
  /** The dataset path, {@value}. */
  public static final String DATASET = "/lineage";

  /** The default port, {@value}. */
  public static final int DEFAULT_PORT = 3030;

  private static final Logger LOG = LoggerFactory.getLogger(LineageServer.class);

  private final FusekiServer server;
  private final String host;

  private LineageServer(FusekiServer server, String host) {
    this.server = server;
    this.host = host;
  }

  /**
   * Starts serving {@code store}.
   *
   * @param bind the address to listen on, e.g. {@code 127.0.0.1} (default), {@code ::1} or
   *     {@code 0.0.0.0} for every interface
   * @param port the TCP port; 0 picks a free one ({@link #port()} tells which)
   */
  public static LineageServer start(TdbLineageStore store, String bind, int port) {
    return start(store, bind, port, null, builder -> {});
  }

  /**
   * Starts serving {@code store}, taking graph writes at {@code /lineage/data} from clients that
   * send {@code writeToken} (none when it is null).
   */
  public static LineageServer start(TdbLineageStore store, String bind, int port, StoreToken writeToken) {
    return start(store, bind, port, writeToken, builder -> {});
  }

  /**
   * Like {@link #start(TdbLineageStore, String, int, StoreToken)}, letting {@code extras} add
   * servlets or filters to the server before it is built (e.g. the web pages of the {@code web}
   * module).
   */
  public static LineageServer start(
      TdbLineageStore store, String bind, int port, StoreToken writeToken,
      Consumer<FusekiServer.Builder> extras) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ProvenanceException("cannot bind to '" + bind + "': unknown host", e);
    }
    FusekiServer.Builder builder =
        FusekiServer.create()
            .port(port)
            .loopback(address.isLoopbackAddress())
            .add(DATASET, services(store, writeToken != null))
            .enablePing(true);
    if (writeToken != null) {
      builder.addFilter("/*", new WriteToken(DATASET + "/data", writeToken));
    }
    extras.accept(builder);
    FusekiServer server = builder.build();
    for (Connector c : server.getJettyServer().getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setHost(address.isAnyLocalAddress() ? null : address.getHostAddress());
      }
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new ProvenanceException("cannot start the SPARQL server on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
    String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    LineageServer s = new LineageServer(server, host);
    LOG.info("serving lineage store {} at {} ({})", store.location(), s.endpoint(),
        writeToken == null ? "read-only" : "graph writes with the token at " + DATASET + "/data");
    return s;
  }

  /** Queries everywhere, GSP reads everywhere, GSP writes only at {@code data} (when writable). */
  private static DataService services(TdbLineageStore store, boolean writable) {
    return DataService.newBuilder(store.dataset().asDatasetGraph())
        .addEndpoint(Operation.Query)
        .addEndpoint(Operation.GSP_R)
        .addEndpoint(Operation.Query, "sparql")
        .addEndpoint(Operation.Query, "query")
        .addEndpoint(Operation.GSP_R, "get")
        .addEndpoint(writable ? Operation.GSP_RW : Operation.GSP_R, "data")
        .build();
  }

  /** The port actually listened on. */
  public int port() {
    return server.getHttpPort();
  }

  /** The SPARQL query endpoint, e.g. {@code http://127.0.0.1:3030/lineage/sparql}. */
  public String endpoint() {
    return "http://" + host + ":" + port() + DATASET + "/sparql";
  }

  /** The server's root, e.g. {@code http://127.0.0.1:3030/}. */
  public String root() {
    return "http://" + host + ":" + port() + "/";
  }

  /** Blocks until the server stops. */
  public void join() {
    server.join();
  }

  @Override
  public void close() {
    server.stop();
  }
}
