package org.headwater.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The servlet filter shell over {@link WebApp}: answers every request except Fuseki's own
 * ({@code /lineage/…} SPARQL, {@code /$/…} admin), copying the request in and the response out.
 * A filter, not a servlet, because Fuseki keeps the root servlet for its own 404.
 */
public final class PagesFilter implements Filter {
  /** Sent with every page: nothing may load from anywhere but this server. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

  private final WebApp app;
  private final String sparqlPrefix;

  /** @param sparqlDataset Fuseki's dataset path, e.g. {@code /lineage}, left to Fuseki */
  public PagesFilter(WebApp app, String sparqlDataset) {
    this.app = app;
    this.sparqlPrefix = sparqlDataset + "/";
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    String path = decode(req.getRequestURI().substring(req.getContextPath().length()));
    if (path.startsWith(sparqlPrefix) || path.equals(sparqlPrefix.substring(0, sparqlPrefix.length() - 1))
        || path.startsWith("/$/")) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, String> params = new HashMap<>();
    req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
    Response r = app.handle(new Request(req.getMethod(), path, params, req.getHeader("Accept")));
    resp.setStatus(r.status());
    resp.setContentType(r.contentType());
    resp.setHeader("Content-Security-Policy", CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    r.headers().forEach(resp::setHeader);
    resp.setContentLength(r.body().length);
    if (!req.getMethod().equals("HEAD")) {
      resp.getOutputStream().write(r.body());
    }
  }

  private static String decode(String path) {
    return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
