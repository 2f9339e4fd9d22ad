package org.headwater.provenance.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.headwater.provenance.store.StoreToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards graph writes on the served store: a request to the Graph Store Protocol endpoint {@code
 * /lineage/data} with any method but {@code GET}, {@code HEAD} or {@code OPTIONS} needs {@code
 * Authorization: Bearer TOKEN} (RFC 6750): none gives 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750 section 3), a wrong one 403 (section 3.1, {@code insufficient_scope} aside, a valid
 * request with a token not allowed to write). Reads pass for everyone. The token is compared in
 * constant time and never logged; a refusal logs the client address and method only.
 */
final class WriteToken implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(WriteToken.class);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final String path;
  private final StoreToken token;

  WriteToken(String path, StoreToken token) {
    this.path = path;
    this.token = token;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String target = http.getRequestURI();
    if (READS.contains(http.getMethod()) || !(target.equals(path) || target.startsWith(path + "/"))) {
      chain.doFilter(req, res);
      return;
    }
    String auth = http.getHeader("Authorization");
    if (auth == null || auth.isBlank()) {
      LOG.warn("refused a {} without a token from {}", http.getMethod(), http.getRemoteAddr());
      response.setHeader("WWW-Authenticate", "Bearer realm=\"headwater lineage store\"");
      response.sendError(401, "graph writes need Authorization: Bearer TOKEN");
      return;
    }
    if (!token.accepts(auth)) {
      LOG.warn("refused a {} with a wrong token from {}", http.getMethod(), http.getRemoteAddr());
      response.setHeader("WWW-Authenticate", "Bearer realm=\"headwater lineage store\", error=\"invalid_token\"");
      response.sendError(403, "the token does not allow graph writes");
      return;
    }
    chain.doFilter(req, res);
  }
}
