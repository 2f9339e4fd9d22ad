package org.headwater.pipeline.fetch;

/** A source that does not exist (HTTP 404/410, or no such file); the missing-file policy applies. */
public final class MissingSourceException extends FetchException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public MissingSourceException(String url, String reason) {
    super(url, url + " does not exist (" + reason + "); check the URL template and keys, or set"
        + " 'missing: skip' on the source to leave missing files out");
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
