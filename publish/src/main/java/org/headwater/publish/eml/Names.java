package org.headwater.publish.eml;

/** Splits display names into given and family names, the way citations need them. */
public final class Names {
  private Names() {}

  /**
   * {@code "Ada King Lovelace"} gives {@code ["Ada King", "Lovelace"]}; {@code "Lovelace, Ada"}
   * gives {@code ["Ada", "Lovelace"]}; a single word is a family name with no given name.
   */
  public static String[] split(String name) {
    String n = name.strip().replaceAll("\\s+", " ");
    int comma = n.indexOf(',');
    if (comma > 0) {
      return new String[] {n.substring(comma + 1).strip(), n.substring(0, comma).strip()};
    }
    int space = n.lastIndexOf(' ');
    if (space < 0) {
      return new String[] {null, n};
    }
    return new String[] {n.substring(0, space), n.substring(space + 1)};
  }
}
