package org.headwater.provenance;

/**
 * Counts as people write them: {@code "1 file"}, {@code "2 files"}, {@code "0 files"}. Every
 * message that prints a count goes through here, never {@code "file(s)"}.
 */
public final class Plural {
  private Plural() {}

  /** {@code n} and the noun, with an {@code s} unless {@code n} is 1. */
  public static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** {@code n} and the singular or the given plural ({@code "entity"}, {@code "entities"}). */
  public static String count(long n, String singular, String plural) {
    return n + " " + noun(n, singular, plural);
  }

  /** The noun alone, for "3 of 4 sources": {@code noun(4, "source", "sources")}. */
  public static String noun(long n, String singular, String plural) {
    return n == 1 ? singular : plural;
  }
}
