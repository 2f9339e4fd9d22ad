package org.headwater.publish.dataone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.headwater.publish.PublishException;

/**
 * A DataONE authentication token (the Arctic Data Center's is a JWT whose {@code sub} is the
 * user's ORCID). The claims are decoded locally, without verifying the signature, only to name the
 * submitter and to refuse an expired token before any upload.
 *
 * <p>The secret is never printed: {@link #toString()} shows only the subject and expiry.
 */
public final class AuthToken {
  /** Environment variable read when no token file is given. */
  public static final String ENV = "HEADWATER_TOKEN";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;
  private final String subject;
  private final Instant expires;

  private AuthToken(String secret, String subject, Instant expires) {
    this.secret = secret;
    this.subject = subject;
    this.expires = expires;
  }

  /**
   * Decodes a token. A JWT gives its {@code sub} and {@code exp}; any other non-blank string is
   * accepted as an opaque token with unknown subject and expiry.
   */
  public static AuthToken parse(String token) {
    if (token == null || token.isBlank()) {
      throw new DataOneException.InvalidToken(401, "", null, "the token is empty");
    }
    String t = token.strip();
    String[] parts = t.split("\\.");
    if (parts.length != 3) {
      return new AuthToken(t, null, null);
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      String sub = claims.hasNonNull("sub") ? claims.get("sub").asText() : null;
      Instant exp = claims.hasNonNull("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
      return new AuthToken(t, sub, exp);
    } catch (IOException | IllegalArgumentException e) {
      // The message must not carry the token text.
      throw new DataOneException.InvalidToken(
          401, "", null, "the token looks like a JWT but its claims cannot be decoded");
    }
  }

  /**
   * The token from {@code tokenFile} when given, else from the {@value #ENV} variable of {@code
   * env}; null when neither is set.
   */
  public static AuthToken resolve(Path tokenFile, Map<String, String> env) {
    if (tokenFile != null) {
      try {
        return parse(Files.readString(tokenFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new PublishException.LocalFileFailure(
            "cannot read token file " + tokenFile + ": " + e.getClass().getSimpleName(), e);
      }
    }
    String value = env.get(ENV);
    return value == null || value.isBlank() ? null : parse(value);
  }

  /** Throws {@link DataOneException.InvalidToken} when the token has expired at {@code now}. */
  public AuthToken requireUnexpired(Instant now) {
    if (expires != null && !expires.isAfter(now)) {
      throw new DataOneException.InvalidToken(
          401, "", null, "the token" + (subject == null ? "" : " of " + subject)
              + " expired at " + expires);
    }
    return this;
  }

  /** The {@code Authorization} header value. */
  String bearer() {
    return "Bearer " + secret;
  }

  /** The subject (ORCID IRI for ADC tokens), or null when unknown. */
  public String subject() {
    return subject;
  }

  /** When the token expires, or null when unknown. */
  public Instant expires() {
    return expires;
  }

  @Override
  public String toString() {
    return "AuthToken[subject=" + subject + ", expires=" + expires + ", secret=<redacted>]";
  }
}
