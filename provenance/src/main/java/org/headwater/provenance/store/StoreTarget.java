package org.headwater.provenance.store;

import java.net.URI;
import java.nio.file.Path;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.headwater.provenance.store.remote.RemoteLineageStore;

/**
 * Where run graphs go and how: what the user gave after {@code --store}.
 *
 * @param location a directory (the embedded TDB2 store) or {@code http(s)://HOST:PORT/DATASET}
 *     (a SPARQL endpoint written with the Graph Store Protocol)
 * @param token the bearer token for graph writes to a remote store, or null
 * @param background whether a run hands its graph to a background process after committing (so
 *     that loading is not part of the run's wall time) instead of loading it itself
 */
public record StoreTarget(String location, StoreToken token, boolean background) {
  public StoreTarget {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("--store needs a directory or an http(s):// URL");
    }
    if (isUrl(location)) {
      URI uri = URI.create(location.strip());
      if (uri.getHost() == null || uri.getPath() == null || uri.getPath().replace("/", "").isEmpty()) {
        throw new IllegalArgumentException(
            "--store " + location + ": a remote store is http(s)://HOST:PORT/DATASET, e.g. http://127.0.0.1:3030/lineage");
      }
    } else {
      location = Path.of(location).toAbsolutePath().normalize().toString();
    }
  }

  /** The embedded store in {@code dir}, loaded by the run itself. */
  public static StoreTarget embedded(Path dir) {
    return new StoreTarget(dir.toString(), null, false);
  }

  /** The same target, loading in the background or not. */
  public StoreTarget withBackground(boolean inBackground) {
    return new StoreTarget(location, token, inBackground);
  }

  /** Whether it is a remote SPARQL endpoint. */
  public boolean isRemote() {
    return isUrl(location);
  }

  /** The embedded store's directory. */
  public Path directory() {
    if (isRemote()) {
      throw new IllegalStateException("a remote store has no directory: " + location);
    }
    return Path.of(location);
  }

  /**
   * Opens the store (an embedded one waits while another process holds it) and first loads the
   * graphs that wait for it ({@link PendingGraphs}). Close it when done.
   */
  public LineageStore open() {
    LineageStore store = connect();
    try {
      Path spool = PendingGraphs.spool(this);
      PendingGraphs.flush(store, spool).warnIfWaiting(spool);
    } catch (RuntimeException | Error e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** Opens the store without loading what waits for it. */
  public LineageStore connect() {
    return isRemote()
        ? RemoteLineageStore.connect(URI.create(location), token)
        : LineageStore.open(directory());
  }

  @Override
  public String toString() {
    return location;
  }

  private static boolean isUrl(String s) {
    return s.strip().matches("(?i)^https?://.*");
  }
}
