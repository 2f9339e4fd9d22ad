package org.headwater.publish.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.Base64;

/** Checks the bearer JWT like Metacat: missing, malformed or expired gives 401 InvalidToken. */
final class FakeAuth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeAuth() {}

  static String require(HttpExchange ex) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      throw new FakeMemberNode.FakeError(401, "InvalidToken", "1010", null, "no session token was provided");
    }
    String[] parts = h.substring(7).split("\\.");
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims.get("exp").asLong() <= Instant.now().getEpochSecond()) {
        throw new FakeMemberNode.FakeError(401, "InvalidToken", "1010", null, "the session token has expired");
      }
      return claims.get("sub").asText();
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof FakeMemberNode.FakeError fe) {
        throw fe;
      }
      throw new FakeMemberNode.FakeError(401, "InvalidToken", "1010", null, "the session token is not valid");
    }
  }
}
