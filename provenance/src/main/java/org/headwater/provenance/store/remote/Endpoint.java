package org.headwater.provenance.store.remote;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTPBuilder;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.StoreAccessException;
import org.headwater.provenance.StoreUnreachableException;

/**
 * A remote store's SPARQL query service, {@code DATASET/sparql} (Fuseki's name for it, in {@code
 * headwater serve} and in a stock Fuseki's standard services), through Jena's own client; and the
 * one-line errors for it and for the Graph Store Protocol.
 */
final class Endpoint {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Graphs as RDF Thrift (Jena's binary form: compact, quick to write and read), else text. */
  private static final String GRAPH_ACCEPT =
      "application/rdf+thrift,application/n-triples;q=0.9,text/turtle;q=0.8,*/*;q=0.3";

  private final String dataset;
  private volatile boolean unionChecked;

  Endpoint(String dataset) {
    this.dataset = dataset;
  }

  /** The SPARQL query service. */
  String sparql() {
    return dataset + "/sparql";
  }

  /**
   * Sends {@code query} with {@code bindings} substituted (Jena's {@code substitution}, as for the
   * embedded store) and hands the execution to {@code action}; HTTP failures become {@link
   * StoreUnreachableException}s naming the dataset.
   */
  <T> T query(Query query, Map<String, Node> bindings, Function<QueryExecution, T> action) {
    return call(dataset, () -> {
      QueryExecutionHTTPBuilder b =
          QueryExecutionHTTP.service(sparql()).httpClient(HTTP).query(query).acceptHeaderGraph(GRAPH_ACCEPT);
      bindings.forEach(b::substitution);
      try (QueryExecution qe = b.build()) {
        return action.apply(qe);
      }
    }, false);
  }

  boolean ask(EndpointQuery query, Map<String, Node> bindings) {
    return query(query.query(), bindings, QueryExecution::execAsk);
  }

  /** Adds the triples of a CONSTRUCT query to {@code into}. */
  void construct(EndpointQuery query, Map<String, Node> bindings, Graph into) {
    query(query.query(), bindings, qe -> {
      qe.execConstructTriples().forEachRemaining(into::add);
      return null;
    });
  }

  /**
   * Fails, once per store, when the endpoint's default graph does not see its named graphs (a
   * stock Fuseki TDB2 dataset without {@code tdb2:unionDefaultGraph true}): every lineage query
   * would find nothing there.
   */
  void requireUnionDefaultGraph() {
    if (unionChecked) {
      return;
    }
    boolean[] seen = query(EndpointQuery.UNION_DEFAULT_GRAPH.query(), Map.of(), qe -> {
      QuerySolution row = qe.execSelect().next();
      return new boolean[] {row.getLiteral("union").getBoolean(), row.getLiteral("named").getBoolean()};
    });
    if (seen[1] && !seen[0]) {
      throw new ProvenanceException("lineage store " + dataset + ": its default graph is not the union of its"
          + " named graphs, so no query would see the runs; serve it with 'headwater serve', or set"
          + " tdb2:unionDefaultGraph true on the Fuseki dataset");
    }
    unionChecked = true;
  }

  /** Runs an HTTP exchange with {@code dataset}, turning failures into one-line exceptions. */
  static <T> T call(String dataset, Supplier<T> action, boolean writing) {
    int status;
    String statusLine;
    RuntimeException failure;
    try {
      return action.get();
    } catch (HttpException e) {
      status = e.getStatusCode();
      statusLine = e.getStatusLine();
      failure = e;
    } catch (QueryExceptionHTTP e) {
      status = e.getStatusCode();
      statusLine = e.getStatusLine() != null ? e.getStatusLine() : status > 0 ? e.getResponseMessage() : null;
      failure = e;
    }
    if (writing && (status == 401 || status == 403)) {
      throw new StoreAccessException(dataset, status, failure);
    }
    String what = status > 0
        ? "answered HTTP " + status + " " + (statusLine == null ? "" : statusLine)
        : "is unreachable (" + rootMessage(failure) + ")";
    String fix = status >= 500
        ? "the server failed the request, see its log" + (writing ? "" : " (a lineage thousands of runs deep"
            + " needs a larger thread stack there, e.g. java -Xss64m, as 'headwater serve' has)")
        : "check that the server is running and the URL is http(s)://HOST:PORT/DATASET";
    throw new StoreUnreachableException(dataset, status > 0 ? status : -1, what.strip() + "; " + fix, failure);
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
