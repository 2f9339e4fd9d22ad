package org.headwater.provenance;

/** A SPARQL update was sent where only queries are accepted (the query command, the server). */
public class ReadOnlyException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyException() {
    super(
        "SPARQL updates are refused: the lineage store changes only through runs and "
            + "'headwater lineage import'; send a SELECT, ASK, CONSTRUCT or DESCRIBE query");
  }
}
