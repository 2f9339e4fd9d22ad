package org.headwater.provenance.graph;

import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.headwater.provenance.record.RunRecord;

/**
 * The provenance of a run that failed: what did happen, so that the run can be found in the
 * lineage store and shown like any other. It is built by the same builder as a successful run's
 * graph ({@link ProvenanceGraphs#build}), from the failed run's record: the run (same IRI scheme)
 * with its start and end, {@code hw:status "failed"} and its one-line {@code hw:error}; its plan
 * (the recipe, located in the run directory); the software and the recipe's people; and the
 * sources it had fetched and checksummed before it failed. It names no output and no step (nothing
 * was committed); the shapes {@code hwsh:RunStatus} and {@code hwsh:FailedRun*} hold it to that.
 *
 * <p>It is kept in the run directory as {@value #FILE}, not {@code prov.ttl}: a run directory
 * with a {@code prov.ttl} is one that committed.
 */
public final class FailedRunGraph {
  /** The file a failed run's graph is kept in, in its run directory. */
  public static final String FILE = "prov-failed.ttl";

  private FailedRunGraph() {}

  /**
   * Builds and validates the graph of a failed run.
   *
   * @param record the failed run's record (as in its {@code run.json})
   * @param runDir its run directory (the recipe's location), or null
   * @throws IllegalArgumentException if the record is not a failed run's or names outputs
   * @throws org.headwater.provenance.ShapeViolationException if the graph is not valid
   */
  public static Model build(RunRecord record, Path runDir) {
    if (!RunRecord.FAILED.equals(record.status())) {
      throw new IllegalArgumentException("run " + record.runId() + " is " + record.status() + ", not failed");
    }
    if (!record.outputs().isEmpty()) {
      throw new IllegalArgumentException(
          "run " + record.runId() + " failed, so it committed nothing, but its record names outputs");
    }
    return ProvenanceGraphs.build(record, runDir);
  }

  /**
   * Writes {@code graph} as {@value #FILE} in {@code runDir}, atomically, as {@link
   * ProvenanceWriter} writes {@code prov.ttl}.
   *
   * @return the file
   */
  public static Path write(Model graph, Path runDir) {
    return ProvenanceWriter.publish(ProvenanceWriter.writeTemporary(graph, runDir, FILE));
  }
}
