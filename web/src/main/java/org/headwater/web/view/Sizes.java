package org.headwater.web.view;

import java.util.Locale;

/** Byte counts for people (SI units, as file browsers show them). */
public final class Sizes {
  private Sizes() {}

  /** {@code 812 B}, {@code 32.8 kB}, {@code 1.2 GB}; empty for null. */
  public static String text(Long bytes) {
    if (bytes == null) {
      return "";
    }
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = bytes;
    int i = -1;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
