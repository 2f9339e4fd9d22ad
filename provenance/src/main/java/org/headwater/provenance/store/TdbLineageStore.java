package org.headwater.provenance.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.headwater.provenance.LineageStoreException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.internal.DeepStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lineage store: an embedded TDB2 dataset holding every run's provenance as one named graph
 * (named by the run's IRI) plus imported provenance. Loading a graph is one write transaction, so
 * a crash (even {@code kill -9}) never leaves half a run: TDB2 recovers to the last commit when
 * the store is opened again. Runs from several processes in a row accumulate; one process at a
 * time may have the store open ({@link StoreLock} waits for it).
 *
 * <p>Queries see the union of all graphs as the default graph.
 *
 * <p>Default location: {@code $HEADWATER_HOME/lineage}, or {@code ~/.headwater/lineage} when
 * {@code HEADWATER_HOME} is not set ({@link LineageStore#defaultLocation()}).
 */
public final class TdbLineageStore implements LineageStore {
  private static final Logger LOG = LoggerFactory.getLogger(TdbLineageStore.class);

  private final Path location;
  private final Dataset dataset;

  private TdbLineageStore(Path location, Dataset dataset) {
    this.location = location;
    this.dataset = dataset;
  }

  /**
   * Opens (creating if needed) the store in {@code dir} at once; fails with a {@link
   * LineageStoreException} whose cause is TDB2's {@code AlreadyLocked} when another process holds
   * it ({@link StoreLock} waits instead). Close it when done.
   */
  public static TdbLineageStore openNow(Path dir) {
    Path location = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(location);
      Dataset ds = TDB2Factory.connectDataset(location.toString());
      ds.getContext().set(TDB2.symUnionDefaultGraph, true);
      return new TdbLineageStore(location, ds);
    } catch (java.io.IOException | RuntimeException e) {
      throw new LineageStoreException(
          location,
          "cannot open (" + e.getMessage() + "); is another Headwater process using it?",
          e);
    }
  }

  /** The store directory. */
  public Path directory() {
    return location;
  }

  @Override
  public String location() {
    return location.toString();
  }

  /**
   * Like {@link #load(String, Model)}, committing only if {@code beforeCommit} returns: it runs
   * inside the write transaction once the graph is in, so the load can overlap with work that
   * decides whether the graph may be saved at all (validation); an exception from it aborts the
   * transaction and propagates unchanged.
   *
   * @return the graph name (the run's IRI)
   */
  public String load(String runId, Model model, Runnable beforeCommit) {
    return replace(ProvenanceGraphs.graphName(runId), model.getGraph(), beforeCommit);
  }

  /** Replaces the named graph {@code graphName} with {@code graph} in one transaction. */
  @Override
  public String replace(String graphName, Graph graph) {
    return replace(graphName, graph, () -> {});
  }

  private String replace(String graphName, Graph graph, Runnable beforeCommit) {
    Node name = NodeFactory.createURI(graphName);
    long start = System.nanoTime();
    RuntimeException[] vetoed = {null};
    try {
      Txn.executeWrite(
          dataset,
          () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            dsg.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
            graph.find().forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
            dsg.prefixes().putAll(ProvenanceGraphs.prefixes());
            try {
              beforeCommit.run();
            } catch (RuntimeException e) {
              vetoed[0] = e;
              throw e;
            }
          });
    } catch (RuntimeException e) {
      if (vetoed[0] != null) {
        throw vetoed[0];
      }
      throw new LineageStoreException(location, "cannot load " + graphName + ": " + e.getMessage(), e);
    }
    LOG.info("loaded {} ({} triples) in {} ms", graphName, graph.size(), (System.nanoTime() - start) / 1_000_000);
    return graphName;
  }

  /**
   * Adds many named graphs in one go with TDB2's phased bulk loader ({@code
   * org.apache.jena.tdb2.loader}): one transaction for the lot, indexes built in passes, an order
   * of magnitude faster than {@link #replace} per graph. For initial imports and benchmarks, not
   * for runs: graphs are added to, never replaced, and a failure part way loses the whole batch.
   * Graphs are pulled from {@code graphs} one at a time, so they may be built lazily.
   *
   * @return the number of quads added
   */
  public long bulkLoad(Iterator<Map.Entry<String, Graph>> graphs) {
    long start = System.nanoTime();
    DataLoader loader = LoaderFactory.phasedLoader(
            dataset.asDatasetGraph(), (format, args) -> LOG.debug("bulk load: {}", String.format(format, args)));
    long quads = 0;
    loader.startBulk();
    try {
      StreamRDF stream = loader.stream();
      stream.start();
      while (graphs.hasNext()) {
        Map.Entry<String, Graph> e = graphs.next();
        Node name = NodeFactory.createURI(e.getKey());
        for (Iterator<Triple> it = e.getValue().find(); it.hasNext(); quads++) {
          stream.quad(Quad.create(name, it.next()));
        }
      }
      stream.finish();
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw new LineageStoreException(location, "bulk load failed after " + quads + " quads: " + e.getMessage(), e);
    }
    Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().prefixes().putAll(ProvenanceGraphs.prefixes()));
    LOG.info("bulk-loaded {} quads in {} ms", quads, (System.nanoTime() - start) / 1_000_000);
    return quads;
  }

  /**
   * Runs {@code action} in a read transaction and returns its result. The dataset's default graph
   * is the union of all graphs; {@code unionGraph(ds)} gives it as a {@link Graph}. The action
   * runs on a thread with a large stack (see {@link DeepStack}) so SPARQL property paths over very
   * deep chains do not overflow; do not hand the dataset to other threads.
   */
  @Override
  public <T> T read(Function<Dataset, T> action) {
    return DeepStack.call(() -> Txn.calculateRead(dataset, () -> action.apply(dataset)));
  }

  /** The TDB2 dataset (union default graph on); use it inside transactions only. */
  public Dataset dataset() {
    return dataset;
  }

  /** Releases the store so another process (or a new {@link #open}) can use it. */
  @Override
  public void close() {
    TDBInternal.expel(dataset.asDatasetGraph());
  }
}
