package org.headwater.publish.fake;

/**
 * A fault the fake node injects into the next matching requests.
 *
 * @param method HTTP method to match, e.g. {@code POST}
 * @param pathPart a substring of the path to match, e.g. {@code /v2/object}
 * @param kind what goes wrong
 * @param times how many matching requests it hits
 */
public record Fault(String method, String pathPart, Kind kind, int times) {
  public enum Kind {
    /** Answer 503 ServiceFailure without reading the body. */
    UNAVAILABLE,
    /** Read part of the upload, then drop the connection (nothing stored). */
    DROP_MID_UPLOAD,
    /** Store the object, then drop the connection before answering. */
    DROP_AFTER_COMMIT,
    /** Answer only after a delay longer than the client's read timeout (then handle it normally). */
    SLOW
  }
}
