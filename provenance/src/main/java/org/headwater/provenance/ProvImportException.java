package org.headwater.provenance;

/** Provenance from a file or URL cannot be read or parsed for import. */
public class ProvImportException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int httpStatus;

  /**
   * @param source the file or URL
   * @param httpStatus the HTTP status when the source is a URL that answered an error, else 0
   */
  public ProvImportException(String source, int httpStatus, String message, Throwable cause) {
    super("cannot import provenance from " + source + ": " + message, cause);
    this.source = source;
    this.httpStatus = httpStatus;
  }

  public String source() {
    return source;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
