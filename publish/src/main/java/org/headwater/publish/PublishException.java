package org.headwater.publish;

/**
 * The root of every error the publish module throws. Unchecked; subtypes carry the context (PID,
 * DataONE error code, document, URL). Messages say what was expected, what was found and what to
 * do; they never contain an authentication token.
 */
public class PublishException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PublishException(String message) {
    super(message);
  }

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A generated document failed validation against its schema (it was not uploaded). */
  public static class InvalidDocument extends PublishException {
    private static final long serialVersionUID = 1L;
    private final String document;

    public InvalidDocument(String document, String message, Throwable cause) {
      super(document + " is invalid: " + message, cause);
      this.document = document;
    }

    /** What was being validated, e.g. {@code EML for doi:10.5072/FK2ABC}. */
    public String document() {
      return document;
    }
  }

  /** The local XML schema cache is missing; validation is never skipped. */
  public static class SchemasNotFound extends PublishException {
    private static final long serialVersionUID = 1L;

    public SchemasNotFound(String message) {
      super(message);
    }
  }

  /** The network failed and retries were exhausted. */
  public static class TransportFailure extends PublishException {
    private static final long serialVersionUID = 1L;
    private final String url;

    public TransportFailure(String url, String message, Throwable cause) {
      super(message + " (" + url + "); check that the node URL is right and the node is reachable,"
          + " then run the same command again (a publish resumes where it stopped)", cause);
      this.url = url;
    }

    public String url() {
      return url;
    }
  }

  /** A local file (run directory, journal, archive) could not be read or written. */
  public static class LocalFileFailure extends PublishException {
    private static final long serialVersionUID = 1L;

    public LocalFileFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
