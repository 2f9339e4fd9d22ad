package org.headwater.web.http;

import java.util.Map;

/**
 * What a page needs from an HTTP request.
 *
 * @param method e.g. {@code GET}
 * @param path the decoded path, e.g. {@code /dataset/run-1}
 * @param params query parameters (first value of each)
 * @param accept the Accept header, or null
 */
public record Request(String method, String path, Map<String, String> params, String accept) {
  public Request {
    params = Map.copyOf(params);
  }

  /** A GET of {@code path} from a browser. */
  public static Request get(String path, Map<String, String> params) {
    return new Request("GET", path, params, "text/html");
  }

  String param(String name) {
    return params.get(name);
  }
}
