package org.headwater.provenance.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.headwater.provenance.ProvenanceException;

/**
 * The bearer token that allows graph writes to a served lineage store. It comes from a file or
 * the environment variable {@value #ENV}, never from the command line (which {@code ps} and shell
 * histories show); its {@link #toString()} never shows it, and nothing logs it.
 */
public final class StoreToken {
  /** The environment variable holding the token. */
  public static final String ENV = "HEADWATER_STORE_TOKEN";

  private final String secret;

  private StoreToken(String secret) {
    if (secret.isEmpty() || !secret.matches("[\\x21-\\x7e]+")) {
      throw new IllegalArgumentException("a store token must be one word of printable ASCII");
    }
    this.secret = secret;
  }

  /** A token from its text (surrounding whitespace removed). */
  public static StoreToken of(String secret) {
    return new StoreToken(secret.strip());
  }

  /** The token in {@code file} when given, else in {@value #ENV}, else none. */
  public static Optional<StoreToken> fromFileOrEnv(Path file) {
    if (file != null) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
          throw new ProvenanceException("token file " + file + " is empty; put the token on its first line");
        }
        return Optional.of(of(text));
      } catch (IOException e) {
        throw new ProvenanceException("cannot read the token file " + file + " (" + e + ")", e);
      } catch (IllegalArgumentException e) {
        throw new ProvenanceException("token file " + file + ": " + e.getMessage(), e);
      }
    }
    String env = System.getenv(ENV);
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(of(env));
  }

  /** The {@code Authorization} header value. */
  public String authorization() {
    return "Bearer " + secret;
  }

  /** Whether an {@code Authorization} header carries this token (compared in constant time). */
  public boolean accepts(String authorization) {
    byte[] expected = authorization().getBytes(StandardCharsets.UTF_8);
    byte[] given = authorization == null ? new byte[0] : authorization.strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  /** The environment entry a child process needs to write with this token. */
  public String envValue() {
    return secret;
  }

  @Override
  public String toString() {
    return "StoreToken[hidden]";
  }
}
