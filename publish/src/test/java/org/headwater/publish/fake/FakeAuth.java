package org.headwater.publish.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.Base64;

/**
 * The session Metacat builds from a request. Metacat's D1ResourceHandler.handle asks
 * PortalCertificateManager.getSession(request) for a session from the bearer token and leaves
 * {@code session} null when there is none; a missing, expired or undecodable token all give no
 * session. The write calls then answer InvalidToken (401) with their own detail code:
 * MNodeService.create "1110", MNodeService.update "1210", MNodeService.generateIdentifier "2190".
 * NotAuthorized (401) is for a session that exists but lacks the permission
 * (D1NodeService.create "1100", MNodeService.update "1200").
 *
 * <p>The fake cannot verify the CN's signature, so it trusts any well-formed unexpired JWT, unless
 * it was told which tokens the CN signed ({@link FakeMemberNode#acceptOnly}); another token is then
 * one whose signature does not verify, which gives no session either.
 */
final class FakeAuth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeAuth() {}

  /** The session's subject, or null when Metacat would have no session. */
  static String subject(HttpExchange ex, java.util.Set<String> signed) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      return null;
    }
    if (!signed.isEmpty() && !signed.contains(h.substring(7))) {
      return null;
    }
    String[] parts = h.substring(7).split("\\.");
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims.get("exp").asLong() <= Instant.now().getEpochSecond()) {
        return null;
      }
      return claims.get("sub").asText();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The subject, or Metacat's InvalidToken for a write call without a session.
   *
   * @param signed the tokens the CN signed (empty: any)
   * @param detailCode the call's detail code (see the class comment)
   * @param description Metacat's text for that call
   */
  static String require(HttpExchange ex, java.util.Set<String> signed, String detailCode, String description) {
    String subject = subject(ex, signed);
    if (subject == null) {
      throw new FakeMemberNode.FakeError(401, "InvalidToken", detailCode, null, description);
    }
    return subject;
  }
}
