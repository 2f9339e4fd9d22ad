package org.headwater.provenance;

import java.nio.file.Path;
import java.time.Duration;

/** Another process held the embedded lineage store for longer than this one would wait. */
public class StoreBusyException extends LineageStoreException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(Path location, Duration waited, Throwable cause) {
    super(location, "another Headwater process has held it for " + waited.toSeconds()
        + " s; try again when it has finished (its pid is in tdb.lock)", cause);
  }
}
