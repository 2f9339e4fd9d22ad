package org.headwater.pipeline.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * a background thread initialises Jena, compiles the SHACL shapes and opens the lineage store; at
 * commit the graph is validated, written as Turtle (and JSON-LD when asked for), and loaded into
 * the store all at once, and nothing becomes visible unless the graph is valid (the store
 * transaction commits, the files get their names and the outputs are published only after
 * validation passed).
 */
final class ProvenanceCapture implements AutoCloseable {
  private final ExecutorService executor;
  private final CompletableFuture<LineageStore> store;

  private ProvenanceCapture(Path storeDir) {
    this.executor =
        Executors.newFixedThreadPool(
            3,
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

  /**
   * Builds the run's PROV graph; validates it, writes it into the run directory ({@code prov.ttl},
   * and {@code prov.jsonld} when {@code jsonLd}) and loads it into the lineage store in parallel.
   * Once the graph is known to be valid and before the store commits, {@code publish} runs (it moves the outputs into place), so a run
   * whose provenance cannot be saved publishes nothing.
   *
   * @return the graph
   * @throws org.headwater.provenance.ShapeViolationException if the graph is not valid
   */
  Model record(RunRecord record, Path runDir, boolean jsonLd, Runnable publish) {
    Model prov = ProvenanceGraphs.buildUnvalidated(record, runDir);
    CompletableFuture<Void> valid = CompletableFuture.runAsync(() -> ProvenanceValidator.check(prov), executor);
    List<String> names =
        jsonLd ? List.of(ProvenanceWriter.TURTLE, ProvenanceWriter.JSON_LD) : List.of(ProvenanceWriter.TURTLE);
    List<CompletableFuture<Path>> files = new ArrayList<>();
    for (String name : names) {
      files.add(CompletableFuture.supplyAsync(() -> ProvenanceWriter.writeTemporary(prov, runDir, name), executor));
    }
    try {
      Runnable gate = () -> {
        join(valid);
        publish.run();
      };
      LineageStore s = join(store);
      if (s != null) {
        s.load(record.runId(), prov, gate);
      } else {
        gate.run();
      }
      for (CompletableFuture<Path> f : files) {
        ProvenanceWriter.publish(join(f));
      }
      return prov;
    } catch (RuntimeException | Error e) {
      files.forEach(f -> f.exceptionally(x -> null).join());
      for (String name : names) {
        try {
          Files.deleteIfExists(ProvenanceWriter.temporary(runDir.resolve(name)));
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Waits for a task; its own exception, not a CompletionException wrapping it. */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
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
