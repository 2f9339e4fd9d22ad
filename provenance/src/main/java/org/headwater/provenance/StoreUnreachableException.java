package org.headwater.provenance;

/**
 * A remote lineage store could not be reached or answered with an error; a run whose graph it
 * could not take keeps the graph in its run directory ({@code store.pending.PendingGraphs}).
 */
public class StoreUnreachableException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final int status;

  public StoreUnreachableException(String endpoint, int status, String message, Throwable cause) {
    super("lineage store " + endpoint + ": " + message, cause);
    this.endpoint = endpoint;
    this.status = status;
  }

  /** The endpoint URL. */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status, or -1 when there was no response. */
  public int status() {
    return status;
  }
}
