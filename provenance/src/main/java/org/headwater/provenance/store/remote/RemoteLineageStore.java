package org.headwater.provenance.store.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.StoreProtocol;
import org.headwater.provenance.StoreAccessException;
import org.headwater.provenance.StoreUnreachableException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.internal.DeepStack;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lineage store behind a SPARQL 1.1 endpoint, written with the SPARQL 1.1 Graph Store HTTP
 * Protocol through Jena's own client ({@link GSP}): each run's graph is one {@code PUT} of the
 * named graph at {@code DATASET/data?graph=RUN-IRI}, so a graph is replaced whole or not at all.
 * Fuseki's service names are used ({@code DATASET/data} for the Graph Store Protocol), as
 * {@code headwater serve} and a stock Fuseki with updates enabled both provide.
 *
 * <p>Reading ({@link #read}) takes a snapshot: one {@code GET} of the whole dataset as quads
 * ({@link DSP}) into memory, whose default graph is then the union of all graphs, so the lineage
 * walks and the shipped {@code .rq} queries run unchanged. That suits team stores up to a few
 * million triples; beyond, query the endpoint itself ({@code DATASET/sparql}).
 *
 * <p>Writes carry {@code Authorization: Bearer TOKEN} when a {@link StoreToken} is given; the
 * token is never logged or put in a message.
 */
public final class RemoteLineageStore implements LineageStore {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteLineageStore.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String dataset;
  private final StoreToken token;

  private RemoteLineageStore(String dataset, StoreToken token) {
    this.dataset = dataset;
    this.token = token;
  }

  /**
   * A store at {@code dataset}, e.g. {@code http://127.0.0.1:3030/lineage}; {@code token} may be
   * null (reads only). Nothing is sent until the first call.
   */
  public static RemoteLineageStore connect(URI dataset, StoreToken token) {
    String s = dataset.toString().replaceFirst("/+$", "");
    if (!s.matches("(?i)^https?://[^/]+/.+")) {
      throw new IllegalArgumentException("a remote store is http(s)://HOST:PORT/DATASET: " + dataset);
    }
    return new RemoteLineageStore(s, token);
  }

  @Override
  public String location() {
    return dataset;
  }

  @Override
  public String replace(String graphName, Graph graph) {
    call(() -> {
      write(GSP.service(gsp()).graphName(graphName)).PUT(graph);
      return null;
    }, true);
    LOG.info("stored {} ({} triples) at {}", graphName, graph.size(), dataset);
    return graphName;
  }

  /** Sends a Turtle file as the named graph, streamed from disk without parsing it here. */
  @Override
  public String replace(String graphName, Path turtle) {
    call(() -> {
      write(GSP.service(gsp()).graphName(graphName)).contentType(org.apache.jena.riot.RDFFormat.TURTLE)
          .PUT(turtle.toString());
      return null;
    }, true);
    LOG.info("stored {} from {} at {}", graphName, turtle, dataset);
    return graphName;
  }

  @Override
  public <T> T read(Function<Dataset, T> action) {
    DatasetGraph fetched = call(() -> DSP.service(gsp()).httpClient(HTTP).accept(Lang.NQUADS).GET(), false);
    DatasetGraph snapshot = DatasetGraphFactory.createTxnMem();
    fetched.find().forEachRemaining(q -> {
      if (!q.isDefaultGraph()) {
        snapshot.add(q);
        snapshot.getDefaultGraph().add(q.asTriple());
      }
    });
    snapshot.prefixes().putAll(ProvenanceGraphs.prefixes());
    Dataset ds = DatasetFactory.wrap(snapshot);
    return DeepStack.call(() -> action.apply(ds));
  }

  @Override
  public void close() {}

  private String gsp() {
    return dataset + "/data";
  }

  private <X extends StoreProtocol<X>> X write(X request) {
    X r = request.httpClient(HTTP);
    return token == null ? r : r.httpHeader("Authorization", token.authorization());
  }

  private <T> T call(Supplier<T> action, boolean writing) {
    try {
      return action.get();
    } catch (HttpException e) {
      int status = e.getStatusCode();
      if (writing && (status == 401 || status == 403)) {
        throw new StoreAccessException(dataset, status, e);
      }
      String what = status > 0
          ? "answered HTTP " + status + " " + (e.getStatusLine() == null ? "" : e.getStatusLine())
          : "is unreachable (" + rootMessage(e) + ")";
      throw new StoreUnreachableException(dataset, status, what.strip()
          + "; check that the server is running and the URL is http(s)://HOST:PORT/DATASET", e);
    }
  }

  private static String rootMessage(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.net.ConnectException || c instanceof java.nio.channels.ClosedChannelException) {
        return "connection refused";
      }
      if (c instanceof java.net.http.HttpTimeoutException) {
        return "no answer in time";
      }
    }
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
