package org.headwater.provenance;

import java.nio.file.Path;

/** The lineage store cannot be opened, read or written. */
public class LineageStoreException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  private final transient Path location;

  public LineageStoreException(Path location, String message, Throwable cause) {
    super("lineage store " + location + ": " + message, cause);
    this.location = location;
  }

  /** The store directory. */
  public Path location() {
    return location;
  }
}
