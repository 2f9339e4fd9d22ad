package org.headwater.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A page's answer.
 *
 * @param status HTTP status
 * @param contentType the media type, with charset for text
 * @param headers further headers
 * @param body the bytes
 */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body) {
  public Response {
    headers = Map.copyOf(headers);
  }

  static Response html(int status, String html) {
    return new Response(status, "text/html; charset=utf-8", Map.of("Vary", "Accept"),
        html.getBytes(StandardCharsets.UTF_8));
  }

  /** The body as text (for tests and logs). */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
