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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.rdf.model.Model;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.graph.ProvenanceValidator;
import org.headwater.provenance.graph.ProvenanceWarmUp;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a run's provenance with as little added wall time as possible. From the moment a run is
 * created ({@link #prepare}), while its pipeline is built and run, a background thread records a
 * made-up run ({@link ProvenanceWarmUp}: Jena initialised, the SHACL shapes compiled, the commit's
 * own code loaded and compiled). At commit the graph is
 * built, then validated and written ({@code prov.ttl}, and {@code prov.jsonld} when asked for) on
 * two threads while the caller's thread moves the outputs into the run directory (and writes what
 * is made from the run record, such as the STAC catalogue); the outputs
 * are published (uploaded, the staging records removed) only once the graph is valid, so a run
 * whose provenance fails SHACL publishes nothing and is not marked complete (the runner takes the
 * moved outputs back). Loading into the lineage store is not
 * part of the commit: the graph is queued in the run directory ({@link PendingGraphs}) and, after
 * {@code run.json} says the run succeeded, {@link StoreHandoff} loads it or hands it to a
 * background loader. The run never holds the store while its pipeline runs.
 */
final class ProvenanceCapture implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProvenanceCapture.class);

  /** The JVM's warm-up, started by the first {@link #prepare}; later runs find it done. */
  private static final AtomicReference<CompletableFuture<Void>> WARM_UP = new AtomicReference<>();

  private final ExecutorService executor;
  private final CompletableFuture<Void> warm;
  private final StoreTarget store;

  private ProvenanceCapture(StoreTarget store) {
    this.store = store;
    this.executor =
        Executors.newFixedThreadPool(
            3,
            r -> {
              Thread t = new Thread(r, "headwater-provenance");
              t.setDaemon(true);
              return t;
            });
    this.warm = prepare();
  }

  /**
   * Starts readying this JVM to record provenance, on a daemon thread of its own, unless that has
   * begun already; a run calls this first of all, so the work overlaps the building of its
   * pipeline (mostly one thread, the other core idle) rather than the pipeline itself.
   */
  static CompletableFuture<Void> prepare() {
    CompletableFuture<Void> started = WARM_UP.get();
    if (started != null) {
      return started;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    if (!WARM_UP.compareAndSet(null, mine)) {
      return WARM_UP.get();
    }
    Thread t = new Thread(() -> {
      try {
        IdlePriority.lowerCallingThread();
        ProvenanceWarmUp.run();
        mine.complete(null);
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
      }
    }, "headwater-provenance-warm-up");
    t.setDaemon(true);
    t.start();
    return mine;
  }

  /** Starts preparing; {@code store} may be null when the run loads no store. */
  static ProvenanceCapture start(StoreTarget store) {
    return new ProvenanceCapture(store);
  }

  /**
   * Builds the run's PROV graph; validates it and writes it into the run directory ({@code
   * prov.ttl}, and {@code prov.jsonld} when {@code jsonLd}) in parallel, while {@code move} runs on
   * this thread (it moves the outputs into the run directory, which the runner undoes if this
   * fails). Once the graph is known to be valid, {@code publish} runs (uploads, clean-up) while
   * the files may still be written; then they get their names and, with a store, the graph is
   * queued for it. A run whose provenance is invalid never gets to {@code publish}; one whose
   * files cannot be written fails (and the runner removes the outputs it moved).
   *
   * @return the graph
   * @throws org.headwater.provenance.ShapeViolationException if the graph is not valid
   */
  Model record(RunRecord record, Path runDir, boolean jsonLd, Runnable move, Runnable publish) {
    long t0 = System.nanoTime();
    join(warm);
    long t1 = System.nanoTime();
    Model prov = ProvenanceGraphs.buildUnvalidated(record, runDir);
    long t2 = System.nanoTime();
    CompletableFuture<Void> valid = CompletableFuture.runAsync(() -> ProvenanceValidator.check(prov), executor);
    List<String> names =
        jsonLd ? List.of(ProvenanceWriter.TURTLE, ProvenanceWriter.JSON_LD) : List.of(ProvenanceWriter.TURTLE);
    List<CompletableFuture<Path>> files = new ArrayList<>();
    for (String name : names) {
      files.add(CompletableFuture.supplyAsync(() -> ProvenanceWriter.writeTemporary(prov, runDir, name), executor));
    }
    try {
      move.run();
      long t3 = System.nanoTime();
      join(valid);
      long t4 = System.nanoTime();
      publish.run();
      for (CompletableFuture<Path> f : files) {
        ProvenanceWriter.publish(join(f));
      }
      LOG.info("provenance of {}: {} triples; warm-up waited {} ms, graph built in {} ms; then outputs moved"
          + " in {} ms, checked by {} ms, published and written by {} ms", record.runId(), prov.size(),
          ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t2), ms(System.nanoTime() - t2));
      if (store != null) {
        PendingGraphs.queue(runDir, ProvenanceGraphs.graphName(record.runId()), store);
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

  /**
   * After {@code run.json} says the run succeeded: loads its queued graph into the store, or
   * starts a background loader ({@link StoreHandoff}). Never fails the run: a store that is
   * busy, down or refuses the write leaves the graph queued and says so in one line.
   */
  void store(Path runDir) {
    if (store != null) {
      StoreHandoff.handOff(store, runDir);
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
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
    executor.shutdown();
    try {
      executor.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
