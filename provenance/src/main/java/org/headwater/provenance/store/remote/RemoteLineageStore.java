package org.headwater.provenance.store.remote;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.StoreProtocol;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.internal.DeepStack;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.Targets;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lineage store behind a SPARQL 1.1 endpoint, written with the SPARQL 1.1 Graph Store HTTP
 * Protocol through Jena's own client ({@link GSP}): each run's graph is one {@code PUT} of the
 * named graph at {@code DATASET/data?graph=RUN-IRI}, so a graph is replaced whole or not at all.
 * Fuseki's service names are used ({@code DATASET/data} for the Graph Store Protocol, {@code
 * DATASET/sparql} for queries), as {@code headwater serve} and a stock Fuseki with updates enabled
 * both provide.
 *
 * <p>Reads send queries ({@link Endpoint}) and download only what they need: {@link #contains},
 * {@link #graphNames} and {@link #graphSize} are one ASK or SELECT each; {@link #query} sends the
 * query itself, parameters bound; {@link #resolve} asks one ASK per candidate node and the named
 * query {@code resolve-target.rq}; {@link #readLineage} fetches the target's upstream or
 * downstream subgraph with one CONSTRUCT per target ({@code lineage-upstream.rq}, {@code
 * lineage-downstream.rq}) and runs the unchanged walks over it. Every read first checks, once,
 * that the endpoint's default graph is the union of its named graphs. Only {@link #read} takes a
 * snapshot of the whole dataset (one {@code GET} as quads, {@link DSP}), for code that needs
 * everything; no command does ({@code lineage --svg} draws from {@link #readLineage}, and the web
 * pages are served from an embedded store).
 *
 * <p>Writes carry {@code Authorization: Bearer TOKEN} when a {@link StoreToken} is given; the
 * token is never logged or put in a message.
 */
public final class RemoteLineageStore implements LineageStore {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteLineageStore.class);
  private static final Node FETCHED = NodeFactory.createURI("urn:x-headwater:fetched");

  private final String dataset;
  private final StoreToken token;
  private final Endpoint endpoint;

  private RemoteLineageStore(String dataset, StoreToken token) {
    this.dataset = dataset;
    this.token = token;
    this.endpoint = new Endpoint(dataset);
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
    Endpoint.call(dataset, () -> {
      write(GSP.service(gsp()).graphName(graphName)).PUT(graph);
      return null;
    }, true);
    LOG.info("stored {} ({} triples) at {}", graphName, graph.size(), dataset);
    return graphName;
  }

  /** Sends a Turtle file as the named graph, streamed from disk without parsing it here. */
  @Override
  public String replace(String graphName, Path turtle) {
    Endpoint.call(dataset, () -> {
      write(GSP.service(gsp()).graphName(graphName)).contentType(RDFFormat.TURTLE).PUT(turtle.toString());
      return null;
    }, true);
    LOG.info("stored {} from {} at {}", graphName, turtle, dataset);
    return graphName;
  }

  @Override
  public boolean contains(String graphName) {
    return endpoint.ask(EndpointQuery.GRAPH_EXISTS, Map.of("graph", NodeFactory.createURI(graphName)));
  }

  @Override
  public List<String> graphNames() {
    return endpoint.query(EndpointQuery.GRAPH_NAMES.query(), Map.of(), qe -> {
      List<String> names = new ArrayList<>();
      qe.execSelect().forEachRemaining(row -> names.add(row.getResource("graph").getURI()));
      return names;
    });
  }

  @Override
  public long graphSize(String graphName) {
    return endpoint.query(EndpointQuery.GRAPH_SIZE.query(), Map.of("graph", NodeFactory.createURI(graphName)),
        qe -> qe.execSelect().next().getLiteral("triples").getLong());
  }

  @Override
  public <T> T query(Query query, Map<String, Node> bindings, Function<QueryExecution, T> action) {
    endpoint.requireUnionDefaultGraph();
    return endpoint.query(query, bindings, action);
  }

  @Override
  public List<Node> resolve(String target) {
    endpoint.requireUnionDefaultGraph();
    return Targets.resolve(target, new Targets.Lookup() {
      @Override
      public boolean mentions(Node candidate) {
        return endpoint.ask(EndpointQuery.TARGET_MENTIONED, Map.of("candidate", candidate));
      }

      @Override
      public List<Node> named(Node iri, Node value) {
        return endpoint.query(NamedQuery.RESOLVE_TARGET.query(), Map.of("iri", iri, "value", value), qe -> {
          List<Node> found = new ArrayList<>();
          qe.execSelect().forEachRemaining(row -> found.add(row.get("entity").asNode()));
          return found;
        });
      }
    });
  }

  /**
   * Fetches what a walk from {@code from} reads (one CONSTRUCT per node) into memory and runs
   * {@code action} over it; the dataset's default graph and its one named graph are that subgraph.
   */
  @Override
  public <T> T readLineage(Collection<Node> from, Lineage.Direction direction, Function<Dataset, T> action) {
    endpoint.requireUnionDefaultGraph();
    EndpointQuery q = direction == Lineage.Direction.UPSTREAM
        ? EndpointQuery.LINEAGE_UPSTREAM : EndpointQuery.LINEAGE_DOWNSTREAM;
    Graph fetched = GraphFactory.createDefaultGraph();
    for (Node n : from) {
      endpoint.construct(q, Map.of("target", n), fetched);
    }
    LOG.debug("fetched {} triples {} of {} from {}", fetched.size(), direction, from, dataset);
    DatasetGraph dsg = DatasetGraphFactory.createGeneral(fetched);
    dsg.addGraph(FETCHED, fetched);
    dsg.prefixes().putAll(ProvenanceGraphs.prefixes());
    Dataset ds = DatasetFactory.wrap(dsg);
    return DeepStack.call(() -> action.apply(ds));
  }

  /** False: {@link #read} downloads the whole dataset first. */
  @Override
  public boolean readsInProcess() {
    return false;
  }

  /** The whole dataset, downloaded (one GET of all quads); only for code that needs all of it. */
  @Override
  public <T> T read(Function<Dataset, T> action) {
    DatasetGraph fetched = Endpoint.call(dataset,
        () -> DSP.service(gsp()).httpClient(Endpoint.HTTP).accept(Lang.NQUADS).GET(), false);
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
    X r = request.httpClient(Endpoint.HTTP);
    return token == null ? r : r.httpHeader("Authorization", token.authorization());
  }
}
