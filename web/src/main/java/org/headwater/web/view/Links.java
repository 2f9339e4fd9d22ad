package org.headwater.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The pages' URLs (paths relative to the server root). */
public final class Links {
  private Links() {}

  public static String index() {
    return "/";
  }

  public static String dataset(String runId) {
    return "/dataset/" + encode(runId);
  }

  public static String run(String runId) {
    return "/run/" + encode(runId);
  }

  public static String source(String sha256) {
    return "/source/" + encode(sha256);
  }

  public static String search(String q) {
    return "/?q=" + encode(q);
  }

  public static String query() {
    return "/query";
  }

  /** A page's PROV as {@code ttl} or {@code jsonld}. */
  public static String prov(String page, String format) {
    return page + "?format=" + format;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
