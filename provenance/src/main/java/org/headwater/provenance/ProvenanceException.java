package org.headwater.provenance;

/**
 * Root of every error the provenance module throws. Unchecked; subtypes carry the context (shape
 * and focus node, store directory, URL) and messages say what was expected, what was found and
 * what to do.
 */
public class ProvenanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProvenanceException(String message) {
    super(message);
  }

  public ProvenanceException(String message, Throwable cause) {
    super(message, cause);
  }
}
