package org.headwater.provenance.store;

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
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.Targets;

/**
 * The lineage store: every run's provenance as one named graph (named by the run's IRI) plus
 * imported provenance; queries see the union of all graphs as the default graph.
 *
 * <p>Two kinds: {@link TdbLineageStore}, an embedded TDB2 directory (the default, {@link
 * #defaultLocation()}), and {@link org.headwater.provenance.store.remote.RemoteLineageStore}, a
 * SPARQL 1.1 endpoint written with the Graph Store Protocol (such as {@code headwater serve}).
 * {@link StoreTarget#open()} opens either from what the user typed after {@code --store}.
 */
public interface LineageStore extends AutoCloseable {
  /** Environment variable naming Headwater's home directory. */
  String HOME_ENV = "HEADWATER_HOME";

  /** {@code $HEADWATER_HOME}, else {@code ~/.headwater}. */
  static Path homeDirectory() {
    String home = System.getenv(HOME_ENV);
    return home != null && !home.isBlank()
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".headwater");
  }

  /** {@code $HEADWATER_HOME/lineage}, else {@code ~/.headwater/lineage}. */
  static Path defaultLocation() {
    return homeDirectory().resolve("lineage");
  }

  /**
   * Opens (creating if needed) the embedded store in {@code dir}, waiting a bounded time while
   * another process holds it ({@link StoreLock}). Close it when done.
   */
  static TdbLineageStore open(Path dir) {
    return StoreLock.open(dir, StoreLock.DEFAULT_WAIT);
  }

  /** The union of all graphs, for use inside {@link #read}. */
  static Graph unionGraph(Dataset ds) {
    return ds.asDatasetGraph().getUnionGraph();
  }

  /** Where the store is: a directory or an endpoint URL. */
  String location();

  /**
   * Loads a run's graph, replacing any earlier graph of the same run, in one transaction.
   *
   * @return the graph name (the run's IRI)
   */
  default String load(String runId, Model model) {
    return replace(ProvenanceGraphs.graphName(runId), model.getGraph());
  }

  /** Replaces the named graph {@code graphName} with {@code graph}, all or nothing. */
  String replace(String graphName, Graph graph);

  /** Replaces the named graph {@code graphName} with the Turtle file {@code turtle}. */
  default String replace(String graphName, Path turtle) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.source(turtle).lang(Lang.TURTLE).parse(graph);
    return replace(graphName, graph);
  }

  /** Whether the store holds a graph of that name. */
  default boolean contains(String graphName) {
    return read(ds -> ds.asDatasetGraph().containsGraph(NodeFactory.createURI(graphName)));
  }

  /** The names of all graphs (runs and imports). */
  default List<String> graphNames() {
    return read(ds -> {
      List<String> names = new ArrayList<>();
      ds.asDatasetGraph().listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
      return names;
    });
  }

  /** Number of triples in the named graph (0 when absent). */
  default long graphSize(String graphName) {
    return read(ds -> (long) ds.asDatasetGraph().getGraph(NodeFactory.createURI(graphName)).size());
  }

  /**
   * Runs {@code action} over the store's dataset, whose default graph is the union of all graphs
   * ({@code unionGraph(ds)} gives it as a {@link Graph}), and returns its result. Do not keep the
   * dataset or hand it to other threads. A remote store downloads the whole dataset for this;
   * reads that need only part of it use {@link #resolve}, {@link #readLineage} and {@link #query}.
   */
  <T> T read(Function<Dataset, T> action);

  /**
   * Whether {@link #read} works on the store itself in this process (embedded), so that Java walks
   * over it beat sending SPARQL; false when it would first have to fetch the data (remote).
   */
  default boolean readsInProcess() {
    return true;
  }

  /**
   * The nodes a TARGET string names ({@link Targets}). The embedded store looks in its union
   * graph; a remote one asks its endpoint, downloading nothing else.
   */
  default List<Node> resolve(String target) {
    return read(ds -> Targets.resolve(ds, target));
  }

  /**
   * Runs {@code action} over a dataset (default graph: the union) that holds at least what a
   * lineage walk from {@code from} in {@code direction} reads ({@link Lineage#walk}, {@link
   * Lineage#describe}, {@code SourceRoots} upstream, {@code DownstreamImpact} downstream): the
   * whole store when embedded, only that part, fetched from the endpoint, when remote.
   */
  default <T> T readLineage(Collection<Node> from, Lineage.Direction direction, Function<Dataset, T> action) {
    return read(action);
  }

  /**
   * Runs {@code query} over the union of all graphs with {@code bindings} substituted (as nodes,
   * never spliced into the text) and hands its execution to {@code action}: in a read transaction
   * when embedded, at the endpoint's SPARQL query service when remote.
   */
  default <T> T query(Query query, Map<String, Node> bindings, Function<QueryExecution, T> action) {
    return read(ds -> {
      QueryExecutionDatasetBuilder b = QueryExecution.dataset(ds).query(query);
      var model = ds.getDefaultModel();
      bindings.forEach((var, node) -> b.substitution(var, model.asRDFNode(node)));
      try (QueryExecution qe = b.build()) {
        return action.apply(qe);
      }
    });
  }

  /** Releases the store. */
  @Override
  void close();
}
