package org.headwater.provenance.store;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.headwater.provenance.LineageStoreException;
import org.headwater.provenance.StoreBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an embedded store that another process may hold. TDB2 lets one process at a time open a
 * store directory ({@code tdb.lock} holds its pid; a second process gets {@code AlreadyLocked}), so
 * a command that finds it held waits, retrying, for at most a given time, and says so once.
 */
public final class StoreLock {
  /** How long commands wait by default: {@value #DEFAULT_WAIT_SECONDS} s. */
  public static final long DEFAULT_WAIT_SECONDS = 120;

  /** {@link #DEFAULT_WAIT_SECONDS} as a duration. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(DEFAULT_WAIT_SECONDS);

  private static final Logger LOG = LoggerFactory.getLogger(StoreLock.class);
  private static final long RETRY_MS = 100;

  private StoreLock() {}

  /**
   * Opens the store in {@code dir}, waiting up to {@code wait} while another process holds it.
   *
   * @throws StoreBusyException when it is still held after {@code wait}
   */
  public static TdbLineageStore open(Path dir, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean said = false;
    while (true) {
      try {
        return TdbLineageStore.openNow(dir);
      } catch (LineageStoreException e) {
        if (!heldByAnother(e)) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw new StoreBusyException(dir.toAbsolutePath(), wait, e);
        }
        if (!said) {
          LOG.warn("lineage store {} is in use by another Headwater process; waiting up to {} s",
              dir.toAbsolutePath(), wait.toSeconds());
          said = true;
        }
        try {
          Thread.sleep(RETRY_MS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StoreBusyException(dir.toAbsolutePath(), wait, e);
        }
      }
    }
  }

  /** Whether {@code e} says the store is locked by another process. */
  static boolean heldByAnother(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AlreadyLocked) {
        return true;
      }
    }
    return false;
  }
}
