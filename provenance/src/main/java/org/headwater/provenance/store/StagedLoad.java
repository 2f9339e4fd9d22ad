package org.headwater.provenance.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.provenance.LineageStoreException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named graph written in a write transaction that stays open while its content is still being
 * decided, so most of a run's graph can go into the store while the run is still working: {@link
 * #stage} adds a provisional graph (say, the inputs, known once a run has planned), {@link #finish}
 * brings the store's graph to the final one by adding and removing only the difference, and
 * commits. Nothing is visible to readers before the commit; {@link #close} without a finish aborts,
 * so an unfinished run leaves no trace. Made by {@link LineageStore#begin}.
 *
 * <p>TDB2 transactions belong to the thread that began them, so every store operation runs on one
 * thread owned by this object; {@link #stage} returns at once, {@link #finish} waits. Triples are
 * compared by value, so both graphs must name their nodes with IRIs or literals (no blank nodes),
 * as Headwater's PROV graphs do.
 */
public final class StagedLoad implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StagedLoad.class);

  private final LineageStore store;
  private final Dataset dataset;
  private final Node name;
  private final ExecutorService thread;
  private final long started = System.nanoTime();
  // below: read and written on the store thread only
  private Graph staged;
  private RuntimeException broken;
  private boolean done;

  StagedLoad(LineageStore store, Dataset dataset, String graphName) {
    this.store = store;
    this.dataset = dataset;
    this.name = NodeFactory.createURI(graphName);
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "headwater-store");
              t.setDaemon(true);
              return t;
            });
    thread.execute(
        () -> guarded(() -> {
          dataset.begin(TxnType.WRITE);
          dataset.asDatasetGraph().deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
        }));
  }

  /** The graph's name. */
  public String graphName() {
    return name.getURI();
  }

  /**
   * Adds {@code provisional} to the staged graph, in the background; call at most once, before
   * {@link #finish}. A failure surfaces from {@link #finish}.
   */
  public void stage(Graph provisional) {
    thread.execute(
        () -> guarded(() -> {
          if (staged != null) {
            throw new IllegalStateException("a provisional graph is already staged for " + name.getURI());
          }
          DatasetGraph dsg = dataset.asDatasetGraph();
          provisional.find().forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
          staged = provisional;
          LOG.debug("staged {} triples of {}", provisional.size(), name.getURI());
        }));
  }

  /**
   * Makes the store's graph equal to {@code graph}, runs {@code beforeCommit} inside the
   * transaction (an exception from it aborts everything and propagates unchanged), then commits.
   *
   * @return the graph name
   * @throws LineageStoreException if the store could not take the graph
   */
  public String finish(Graph graph, Runnable beforeCommit) {
    RuntimeException[] vetoed = {null};
    long[] changed = {0, 0};
    long finishing = System.nanoTime();
    Future<?> f =
        thread.submit(
            () -> {
              if (broken != null) {
                throw broken;
              }
              DatasetGraph dsg = dataset.asDatasetGraph();
              Graph before = staged == null ? GraphFactory.createGraphMem() : staged;
              before.find().filterDrop(graph::contains).toList().forEach(t -> {
                delete(dsg, t);
                changed[1]++;
              });
              graph.find().filterDrop(before::contains).forEachRemaining(t -> {
                add(dsg, t);
                changed[0]++;
              });
              dsg.prefixes().putAll(ProvenanceGraphs.prefixes());
              try {
                beforeCommit.run();
              } catch (RuntimeException e) {
                vetoed[0] = e;
                throw e;
              }
              dataset.commit();
              dataset.end();
              done = true;
            });
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LineageStoreException(store.location(), "interrupted while loading " + name.getURI(), e);
    } catch (ExecutionException e) {
      if (vetoed[0] != null) {
        throw vetoed[0];
      }
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof LineageStoreException lse) {
        throw lse;
      }
      throw new LineageStoreException(store.location(), "cannot load " + name.getURI() + ": " + cause.getMessage(), cause);
    }
    long now = System.nanoTime();
    LOG.info(
        "loaded {} ({} triples; {} added and {} removed at the end, in {} ms) {} ms after the transaction began",
        name.getURI(), graph.size(), changed[0], changed[1], (now - finishing) / 1_000_000, (now - started) / 1_000_000);
    return name.getURI();
  }

  private void add(DatasetGraph dsg, Triple t) {
    dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject());
  }

  private void delete(DatasetGraph dsg, Triple t) {
    dsg.delete(name, t.getSubject(), t.getPredicate(), t.getObject());
  }

  /** Runs a step of the transaction; the first failure is kept for {@link #finish} to report. */
  private void guarded(Runnable step) {
    if (broken != null) {
      return;
    }
    try {
      step.run();
    } catch (RuntimeException e) {
      broken = e;
    }
  }

  /** Aborts the transaction unless {@link #finish} committed it, and stops the store thread. */
  @Override
  public void close() {
    Future<?> f =
        thread.submit(
            () -> {
              if (broken != null && !done) {
                LOG.warn("abandoned the load of {}: {}", name.getURI(), broken.toString());
              }
              if (!done && dataset.isInTransaction()) {
                dataset.abort();
                dataset.end();
              }
            });
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new LineageStoreException(store.location(), "cannot abort the load of " + name.getURI() + ": " + e.getCause().getMessage(), e.getCause());
    } finally {
      thread.shutdown();
      try {
        thread.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
