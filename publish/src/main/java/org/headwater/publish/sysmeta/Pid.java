package org.headwater.publish.sysmeta;

import java.util.Objects;

/**
 * A DataONE persistent identifier: a UUID URN, a DOI ({@code doi:10.5072/FK2...}) or any other
 * non-blank string without whitespace.
 */
public record Pid(String value) {
  public Pid {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace) || value.length() > 800) {
      throw new IllegalArgumentException(
          "PID must be 1-800 characters without whitespace: '" + value + "'");
    }
  }

  public static Pid of(String value) {
    return new Pid(value);
  }

  /** A fresh {@code urn:uuid:} PID. */
  public static Pid uuid() {
    return new Pid("urn:uuid:" + java.util.UUID.randomUUID());
  }

  /** Whether this PID is a DOI ({@code doi:10.} prefix). */
  public boolean isDoi() {
    return value.startsWith("doi:10.");
  }

  /**
   * Normalises what a user types for a DOI or PID: {@code 10.5072/X}, {@code
   * https://doi.org/10.5072/X} and {@code doi:10.5072/X} all become {@code doi:10.5072/X}; other
   * strings are kept.
   */
  public static Pid parseUserInput(String text) {
    String t = Objects.requireNonNull(text, "text").strip();
    for (String prefix : new String[] {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/"}) {
      if (t.startsWith(prefix)) {
        t = t.substring(prefix.length());
      }
    }
    if (t.startsWith("10.") && t.contains("/")) {
      t = "doi:" + t;
    }
    return new Pid(t);
  }

  /** The DOI without the {@code doi:} prefix, e.g. {@code 10.5072/FK2ABC}; null if not a DOI. */
  public String doi() {
    return isDoi() ? value.substring(4) : null;
  }

  @Override
  public String toString() {
    return value;
  }
}
