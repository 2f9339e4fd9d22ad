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
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.graph.ProvenanceValidator;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StagedLoad;

/**
 * Records a run's provenance with as little added wall time as possible. While the pipeline runs,
 * a background thread initialises Jena, compiles the SHACL shapes and opens the lineage store;
 * once the run has planned ({@link #preload}), it builds the graph of what is known by then (the
 * inputs with their checksums and variables, the steps, the agents: most of a run's graph) and
 * adds it to the store in a write transaction that stays open. At commit the final graph is
 * validated, written as Turtle (and JSON-LD when asked for), and the store gets only the
 * difference from what was staged; nothing becomes visible unless the graph is valid (the store
 * transaction commits, the files get their names and the outputs are published only after
 * validation passed), and a failed run aborts the staged transaction.
 */
final class ProvenanceCapture implements AutoCloseable {
  private final ExecutorService executor;
  private final CompletableFuture<LineageStore> store;
  private CompletableFuture<StagedLoad> load;

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
   * Starts loading the graph of {@code provisional} (the run as known before its outputs exist)
   * into the store, in the background; {@link #record} later adds only what differs. Does nothing
   * without a store, or when called again.
   */
  synchronized void preload(Supplier<RunRecord> provisional, Path runDir) {
    if (load != null) {
      return;
    }
    load =
        store.thenApplyAsync(
            s -> {
              if (s == null) {
                return null;
              }
              RunRecord r = provisional.get();
              Graph graph = ProvenanceGraphs.buildUnvalidated(r, runDir).getGraph();
              StagedLoad staged = s.begin(r.runId());
              staged.stage(graph);
              return staged;
            },
            executor);
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
      StagedLoad staged = preloaded();
      if (staged != null) {
        staged.finish(prov.getGraph(), gate);
      } else if (s != null) {
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

  private synchronized StagedLoad preloaded() {
    return load == null ? null : join(load);
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

  /** Aborts a staged load that was not finished (a finished one has nothing left to do). */
  private synchronized void closeStaged() {
    if (load != null) {
      StagedLoad staged = load.exceptionally(e -> null).join();
      if (staged != null) {
        staged.close();
      }
    }
  }

  @Override
  public void close() {
    try {
      closeStaged();
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
