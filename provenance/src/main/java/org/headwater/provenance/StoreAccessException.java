package org.headwater.provenance;

/** A remote lineage store refused a graph write: the bearer token is missing (401) or wrong (403). */
public class StoreAccessException extends StoreUnreachableException {
  private static final long serialVersionUID = 1L;

  public StoreAccessException(String endpoint, int status, Throwable cause) {
    super(
        endpoint,
        status,
        (status == 401 ? "refused the graph write without a token (HTTP 401)" : "refused the token (HTTP " + status + ")")
            + "; give the token the server was started with in $HEADWATER_STORE_TOKEN or --store-token-file FILE",
        cause);
  }
}
