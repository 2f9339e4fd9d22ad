package org.headwater.pipeline.run;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.rdf.model.Model;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.StoreTarget;

/**
 * Benchmark stand-in, never shipped: the run without provenance capture. overhead.sh compiles it
 * into a directory put before Headwater's own classes, so `headwater run` does everything as
 * usual (pipeline, outputs moved into place, run.json) except build, validate and write the PROV
 * graph, queue it for the store and start the background loader. Same package-private API as pipeline/.../run/ProvenanceCapture.java.
 */
final class ProvenanceCapture implements AutoCloseable {
  static CompletableFuture<Void> prepare() {
    return CompletableFuture.completedFuture(null);
  }

  static ProvenanceCapture start(StoreTarget store) {
    return new ProvenanceCapture();
  }

  Model record(RunRecord record, Path runDir, boolean jsonLd, Runnable move, Runnable publish) {
    move.run();
    publish.run();
    return null; // the runner ignores it; creating a Model here would initialise Jena after the pipeline
  }

  void store(Path runDir) {}

  @Override
  public void close() {}
}
