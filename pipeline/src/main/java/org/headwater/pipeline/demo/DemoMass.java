package org.headwater.pipeline.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The demo's scalar series: cumulative Greenland ice-sheet mass change by year, as a gzipped CSV
 * shaped like the archive's series ({@code Year}, {@code Mass (Gt)}, {@code Uncertainty (Gt)}, a
 * comment line, {@code -9999} for missing values).
 */
public final class DemoMass {
  private DemoMass() {}

  /** Cumulative mass change in Gt since 1992, or NaN for the missing year. */
  public static double mass(int year) {
    if (year == DemoData.MASS_MISSING_YEAR) {
      return Double.NaN;
    }
    double t = year - DemoData.MASS_FIRST_YEAR;
    return Math.round(-3.1 * Math.pow(t, 1.6) * 10) / 10.0;
  }

  /** One-sigma uncertainty in Gt. */
  public static double uncertainty(int year) {
    return Math.round((10 + 0.8 * (year - DemoData.MASS_FIRST_YEAR)) * 10) / 10.0;
  }

  static void write(Path file) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream gz = new GZIPOutputStream(raw);
        Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
      w.write("# Greenland ice sheet cumulative mass change (synthetic Headwater demo)\n");
      w.write("Year,Mass (Gt),Uncertainty (Gt)\n");
      for (int y = DemoData.MASS_FIRST_YEAR; y <= DemoData.MASS_LAST_YEAR; y++) {
        double m = mass(y);
        w.write(String.format(Locale.ROOT, "%d,%s,%.1f%n", y,
            Double.isNaN(m) ? "-9999" : String.format(Locale.ROOT, "%.1f", m), uncertainty(y)));
      }
    }
  }
}
