package org.headwater.pipeline.run;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.graph.ProvenanceValidator;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;

/**
 * Records a run's provenance with as little added wall time as possible: while the pipeline runs,
 * a background thread initialises Jena, compiles the SHACL shapes and opens the lineage store;
 * at commit the graph files are written while the store loads.
 */
final class ProvenanceCapture implements AutoCloseable {
  private final ExecutorService executor;
  private final CompletableFuture<LineageStore> store;

  private ProvenanceCapture(Path storeDir) {
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "headwater-provenance");
              t.setDaemon(true);
              return t;
            });
    this.store =
        CompletableFuture.supplyAsync(
            () -> {
              ProvenanceValidator.validate(GraphFactory.createDefaultGraph());
              return storeDir == null ? null : LineageStore.open(storeDir);
            },
            executor);
  }

  /** Starts preparing; {@code storeDir} may be null when the run loads no store. */
  static ProvenanceCapture start(Path storeDir) {
    return new ProvenanceCapture(storeDir);
  }

  /** Builds and validates the run's PROV graph. */
  Model build(RunRecord record, Path runDir) {
    store.join();
    return ProvenanceGraphs.build(record, runDir);
  }

  /** Writes {@code prov.ttl} and {@code prov.jsonld} in the background. */
  CompletableFuture<Path> write(Model prov, Path runDir) {
    return CompletableFuture.supplyAsync(() -> ProvenanceWriter.write(prov, runDir), executor);
  }

  /** Loads the graph into the lineage store, when there is one. */
  void load(String runId, Model prov) {
    LineageStore s = store.join();
    if (s != null) {
      s.load(runId, prov);
    }
  }

  @Override
  public void close() {
    try {
      LineageStore s = store.exceptionally(e -> null).join();
      if (s != null) {
        s.close();
      }
    } finally {
      executor.shutdown();
      try {
        executor.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
