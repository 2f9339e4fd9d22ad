package org.headwater.provenance.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.headwater.provenance.ProvenanceException;

/**
 * Runs a task on a thread with a large stack. Jena evaluates SPARQL property paths such as {@code
 * prov:wasDerivedFrom+} recursively, one set of frames per hop, which overflows a default 1 MB
 * stack on chains of a few thousand hops; a large stack is only reserved address space, and pages
 * are committed as they are touched. Headwater's own lineage walk is iterative and needs none of
 * this.
 */
public final class DeepStack {
  /** Stack size for query threads: enough for SPARQL paths over 100,000+ hops. */
  public static final long STACK_BYTES = 1L << 30;

  private DeepStack() {}

  /** Runs {@code task} on a fresh large-stack thread and returns its result or rethrows. */
  public static <T> T call(Supplier<T> task) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(task.get());
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "headwater-query",
            STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      throw new ProvenanceException("interrupted while querying the lineage store", e);
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException re) {
      throw re;
    } else if (e instanceof Error err) {
      throw err;
    } else if (e != null) {
      throw new ProvenanceException(e.getMessage(), e);
    }
    return result.get();
  }
}
