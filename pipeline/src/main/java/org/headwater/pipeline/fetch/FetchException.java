package org.headwater.pipeline.fetch;

import org.headwater.pipeline.SourceException;

/** A source URL that could not be fetched (after retries), or whose bytes are not the expected. */
public class FetchException extends SourceException {
  private static final long serialVersionUID = 1L;
  private final String url;

  public FetchException(String url, String message) {
    super(message);
    this.url = url;
  }

  public FetchException(String url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  public String url() {
    return url;
  }
}
