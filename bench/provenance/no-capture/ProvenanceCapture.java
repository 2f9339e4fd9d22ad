package org.headwater.pipeline.run;

import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.headwater.provenance.record.RunRecord;

/**
 * Benchmark stand-in, never shipped: the run without provenance capture. overhead.sh compiles it
 * into a directory put before Headwater's own classes, so `headwater run` does everything as
 * usual (pipeline, outputs moved into place, run.json) except build, validate, write and load
 * the PROV graph. Same package-private API as pipeline/.../run/ProvenanceCapture.java.
 */
final class ProvenanceCapture implements AutoCloseable {
  static ProvenanceCapture start(Path storeDir) {
    return new ProvenanceCapture();
  }

  Model record(RunRecord record, Path runDir, boolean jsonLd, Runnable publish) {
    publish.run();
    return ModelFactory.createDefaultModel();
  }

  @Override
  public void close() {}
}
