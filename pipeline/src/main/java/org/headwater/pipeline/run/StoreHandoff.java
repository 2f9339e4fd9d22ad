package org.headwater.pipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.pending.BackgroundLoader;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a committed run's queued graph to its lineage store: in this process (opening the store
 * loads everything queued for it, this run's graph included), or through a {@link
 * BackgroundLoader} so the run ends without waiting for the load. A store that is busy past the
 * wait, down, or refusing the write leaves the graph queued ({@value PendingGraphs#MARKER} in the
 * run directory), which one warning line says; the run has succeeded either way.
 */
final class StoreHandoff {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHandoff.class);

  private StoreHandoff() {}

  static void handOff(StoreTarget target, Path runDir) {
    handOff(target, runDir, "succeeded");
  }

  /** Hands off the graph of a run that {@code ended} ("succeeded" or "failed"). */
  static void handOff(StoreTarget target, Path runDir, String ended) {
    try {
      if (target.background()) {
        long pid = BackgroundLoader.start(target);
        LOG.info("provenance graph queued for the lineage store {}; background loader pid {} loads it", target, pid);
        return;
      }
      try (LineageStore store = target.connect()) {
        Path spool = PendingGraphs.spool(target);
        PendingGraphs.Flush f = PendingGraphs.flush(store, spool);
        if (f.failure() != null && PendingGraphs.isPending(runDir)) {
          warn(runDir, ended, f.failure());
        } else {
          f.warnIfWaiting(spool);
        }
      }
    } catch (IOException | RuntimeException e) {
      warn(runDir, ended, e);
    }
  }

  private static void warn(Path runDir, String ended, Exception e) {
    LOG.warn("the run {}; its provenance graph waits in {} ({}); the next command that opens the"
        + " store loads it", ended, runDir.resolve(PendingGraphs.MARKER), e.getMessage());
  }
}
