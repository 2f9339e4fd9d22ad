package org.headwater.publish.eml;

import java.util.Locale;
import java.util.Map;

/** Maps UDUNITS/CF unit strings to EML standard units; others stay custom units. */
final class EmlUnits {
  private static final Map<String, String> STANDARD =
      Map.ofEntries(
          Map.entry("m", "meter"),
          Map.entry("meter", "meter"),
          Map.entry("meters", "meter"),
          Map.entry("km", "kilometer"),
          Map.entry("cm", "centimeter"),
          Map.entry("mm", "millimeter"),
          Map.entry("s", "second"),
          Map.entry("k", "kelvin"),
          Map.entry("degc", "celsius"),
          Map.entry("degree_celsius", "celsius"),
          Map.entry("celsius", "celsius"),
          Map.entry("kg", "kilogram"),
          Map.entry("g", "gram"),
          Map.entry("pa", "pascal"),
          Map.entry("m s-1", "metersPerSecond"),
          Map.entry("m/s", "metersPerSecond"),
          Map.entry("m2", "squareMeter"),
          Map.entry("m^2", "squareMeter"),
          Map.entry("kg m-2", "kilogramsPerSquareMeter"),
          Map.entry("degrees_north", "degree"),
          Map.entry("degrees_east", "degree"),
          Map.entry("degree_north", "degree"),
          Map.entry("degree_east", "degree"),
          Map.entry("degrees", "degree"),
          Map.entry("degree", "degree"),
          Map.entry("1", "dimensionless"),
          Map.entry("percent", "percent"),
          Map.entry("%", "percent"));

  private EmlUnits() {}

  /** The EML standard unit name, or null when the unit must be a custom unit. */
  static String standard(String units) {
    return units == null ? null : STANDARD.get(units.strip().toLowerCase(Locale.ROOT));
  }

  /** Whether a dtype is an integer type ({@code int16}, {@code uint8}, ...). */
  static boolean isInteger(String dtype) {
    return dtype != null && dtype.toLowerCase(Locale.ROOT).matches("u?int\\d*|long|short|byte");
  }

  /** Whether a dtype is numeric. */
  static boolean isNumeric(String dtype) {
    return dtype != null
        && (isInteger(dtype) || dtype.toLowerCase(Locale.ROOT).matches("float\\d*|double|real"));
  }

  /** The EML storageType for a dtype. */
  static String storageType(String dtype) {
    if (dtype == null) {
      return null;
    }
    String d = dtype.toLowerCase(Locale.ROOT);
    if (d.startsWith("float") && !d.equals("float64") || d.equals("real")) {
      return "float";
    }
    if (d.equals("float64") || d.equals("double")) {
      return "double";
    }
    if (isInteger(d)) {
      return "integer";
    }
    return d.contains("date") ? "dateTime" : "string";
  }
}
