package org.headwater.provenance.store.pending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.FailedRunGraph;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.RunState;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run graphs that wait for their lineage store. A run that committed its outputs and {@code
 * prov.ttl} leaves two small files until its graph is in the store:
 *
 * <ul>
 *   <li>{@value #MARKER} in the run directory (store location and graph name, as {@link
 *       PendingMarker}): the run's own record that its graph is not yet in the store;
 *   <li>an entry {@code RUN-ID.pending} in the store's spool ({@link #spool}), naming the run
 *       directory, so that the next command that opens the store finds it without knowing where
 *       runs live.
 * </ul>
 *
 * <p>{@link #flush} loads each waiting graph whose run succeeded (its {@code prov.ttl}) or failed
 * (what it did before it failed, {@value FailedRunGraph#FILE}), then removes both files; a run whose
 * process died is dropped, one still running is left to its own process. Loading replaces the
 * run's named graph, so loading twice is harmless.
 */
public final class PendingGraphs {
  /** The marker file in a run directory whose graph waits for its store. */
  public static final String MARKER = ".store-pending";

  private static final Logger LOG = LoggerFactory.getLogger(PendingGraphs.class);
  private static final String ENTRY = ".pending";

  private PendingGraphs() {}

  /**
   * The spool of {@code target}: {@code DIR/pending} inside an embedded store, else {@code
   * $HEADWATER_HOME/pending/HOST-PORT-HASH} for a remote one.
   */
  public static Path spool(StoreTarget target) {
    if (!target.isRemote()) {
      return target.directory().resolve("pending");
    }
    java.net.URI uri = java.net.URI.create(target.location());
    String hash = Checksums.sha256(target.location().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    return LineageStore.homeDirectory().resolve("pending").resolve(uri.getHost() + "-" + uri.getPort() + "-" + hash);
  }

  /** Records that the graph {@code graphName} of the run in {@code runDir} waits for {@code target}. */
  public static void queue(Path runDir, String graphName, StoreTarget target) {
    queue(runDir, graphName, target, spool(target));
  }

  /** Like {@link #queue(Path, String, StoreTarget)}, with the entry in {@code spool}. */
  public static void queue(Path runDir, String graphName, StoreTarget target, Path spool) {
    try {
      Files.createDirectories(spool);
      atomicWrite(runDir.resolve(MARKER), new PendingMarker(target.location(), graphName).text());
      atomicWrite(spool.resolve(runDir.getFileName() + ENTRY), runDir.toAbsolutePath().normalize() + "\n");
    } catch (IOException e) {
      throw new ProvenanceException("cannot queue the graph of " + runDir + " for the lineage store "
          + target + " in " + spool + ": " + e.getMessage(), e);
    }
  }

  /** Whether the run in {@code runDir} still waits for its store. */
  public static boolean isPending(Path runDir) {
    return Files.isRegularFile(runDir.resolve(MARKER));
  }

  /**
   * Loads the waiting graphs of {@code spool} into {@code store}; stops at the first the store
   * refuses (it is down, or a token is missing), leaving it and the rest queued.
   */
  public static Flush flush(LineageStore store, Path spool) {
    List<Path> entries = entries(spool);
    int loaded = 0;
    for (Path entry : entries) {
      try {
        if (flushOne(store, entry)) {
          loaded++;
        }
      } catch (ProvenanceException e) {
        return new Flush(loaded, entries(spool).size(), e);
      }
    }
    if (loaded > 0) {
      LOG.info("loaded {} queued run graph(s) into the lineage store {}", loaded, store.location());
    }
    return new Flush(loaded, 0, null);
  }

  /**
   * What {@link #flush} did.
   *
   * @param loaded graphs loaded
   * @param waiting graphs still queued because the store refused one
   * @param failure why, or null
   */
  public record Flush(int loaded, int waiting, ProvenanceException failure) {
    /** Says in one warning line that graphs still wait, if they do. */
    public Flush warnIfWaiting(Path spool) {
      if (failure != null) {
        LOG.warn("{} queued run graph(s) still wait for the lineage store (queue {}): {}", waiting, spool,
            failure.getMessage());
      }
      return this;
    }
  }

  private static boolean flushOne(LineageStore store, Path entry) {
    Path runDir;
    try {
      runDir = Path.of(Files.readString(entry, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return false; // another process flushed it meanwhile
    }
    if (!Files.isDirectory(runDir) || !isPending(runDir)) {
      delete(entry);
      return false;
    }
    RunState state = RunState.of(runDir);
    if (state.kind() == RunState.Kind.RUNNING) {
      return false;
    }
    Path graph = graphFile(runDir, state);
    if (graph != null) {
      store.replace(PendingMarker.read(runDir.resolve(MARKER)).graph(), graph);
    } else {
      LOG.warn("dropped the queued graph of {}: the run is {}", runDir, state.describe());
    }
    delete(runDir.resolve(MARKER));
    delete(entry);
    return graph != null;
  }

  /**
   * The graph to load for a finished run: a successful run's {@code prov.ttl}, a failed run's
   * {@value FailedRunGraph#FILE} if it could be written; null for any other run (its process died).
   */
  private static Path graphFile(Path runDir, RunState state) {
    if (state.kind() == RunState.Kind.SUCCEEDED) {
      return runDir.resolve(ProvenanceWriter.TURTLE);
    }
    Path failed = runDir.resolve(FailedRunGraph.FILE);
    return state.kind() == RunState.Kind.FAILED && Files.isRegularFile(failed) ? failed : null;
  }

  private static List<Path> entries(Path spool) {
    if (!Files.isDirectory(spool)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(spool)) {
      return s.filter(p -> p.getFileName().toString().endsWith(ENTRY)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the lineage store's queue " + spool, e);
    }
  }

  private static void atomicWrite(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
