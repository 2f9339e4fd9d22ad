package org.headwater.pipeline.run;

import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.headwater.pipeline.RecipeException;
import org.headwater.provenance.graph.FailedRunGraph;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a failed run did, once its {@code run.json} says it failed: its PROV graph ({@link
 * FailedRunGraph}: the run, its recipe, the sources it had fetched, its error; no outputs) is
 * validated, written to the run directory and queued for the lineage store, then handed to the
 * store exactly as a successful run's graph is ({@link StoreHandoff}: in this process, or by a
 * background loader; a busy or unreachable store keeps it queued). The run's own error stays the
 * one reported: should recording fail, that failure is logged and attached to it as suppressed.
 */
final class FailureProvenance {
  private static final Logger LOG = LoggerFactory.getLogger(FailureProvenance.class);

  private FailureProvenance() {}

  /**
   * @param failed the failed run's record, as written to {@code run.json}
   * @param runDir the run directory
   * @param store the lineage store, or null when the run loads none
   * @param error the run's error, which gets any failure of this as suppressed
   */
  static void record(RunRecord failed, Path runDir, StoreTarget store, RecipeException error) {
    try {
      Model graph = FailedRunGraph.build(failed, runDir);
      FailedRunGraph.write(graph, runDir);
      if (store != null) {
        PendingGraphs.queue(runDir, ProvenanceGraphs.graphName(failed.runId()), store);
        StoreHandoff.handOff(store, runDir, "failed");
      }
    } catch (RuntimeException e) {
      LOG.warn("the failure of run {} is not in the lineage store: its provenance could not be recorded ({})",
          failed.runId(), e.getMessage());
      error.addSuppressed(e);
    }
  }
}
