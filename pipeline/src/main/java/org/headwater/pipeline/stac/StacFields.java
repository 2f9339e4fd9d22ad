package org.headwater.pipeline.stac;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The values STAC spells its own way: media types, multihashes, RFC 3339 times, links. */
final class StacFields {
  static final String VERSION = "1.0.0";
  static final String PROJECTION = "https://stac-extensions.github.io/projection/v2.0.0/schema.json";
  static final String FILE = "https://stac-extensions.github.io/file/v2.1.0/schema.json";
  static final String GEOJSON = "application/geo+json";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

  private StacFields() {}

  /** The asset media type of a Headwater output format (STAC best practices, "Media Types"). */
  static String mediaType(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "geotiff" -> "image/tiff; application=geotiff; profile=cloud-optimized";
      case "netcdf3", "netcdf4", "netcdf" -> "application/x-netcdf";
      case "zarr" -> "application/vnd+zarr";
      case "csv" -> "text/csv";
      default -> throw new IllegalArgumentException("no STAC media type for format '" + format + "'");
    };
  }

  /** A SHA-256 as a multihash (file extension {@code file:checksum}): code 0x12, length 0x20. */
  static String multihash(String sha256Hex) {
    return "1220" + sha256Hex.toLowerCase(Locale.ROOT);
  }

  /**
   * An RFC 3339 UTC time from a coverage time (a date or local date-time in the data's calendar).
   * A day a model calendar has and the Gregorian one lacks (30 February in {@code 360_day}) is
   * moved to the month's last day, the nearest Gregorian date.
   */
  static String rfc3339(String time) {
    String t = time.trim();
    String date = t.length() >= 10 ? t.substring(0, 10) : t;
    String clock = t.length() > 11 ? t.substring(11) : "00:00:00";
    LocalDate d;
    try {
      d = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      String[] p = date.split("-");
      if (p.length != 3) {
        throw new IllegalArgumentException("coverage time '" + time + "' is not an ISO date", e);
      }
      YearMonth ym = YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
      d = ym.atDay(Math.min(Integer.parseInt(p[2]), ym.lengthOfMonth()));
    }
    LocalDateTime dt = d.atTime(LocalTime.parse(clock.replace("Z", "")));
    return UTC.format(dt);
  }

  /** A link object. */
  static Map<String, Object> link(String rel, String href, String type, String title) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("rel", rel);
    l.put("href", href);
    if (type != null) {
      l.put("type", type);
    }
    if (title != null) {
      l.put("title", title);
    }
    return l;
  }

  /** A GeoJSON polygon around a {west, south, east, north} box. */
  static Map<String, Object> polygon(List<Double> b) {
    List<List<Double>> ring = List.of(List.of(b.get(0), b.get(1)), List.of(b.get(2), b.get(1)),
        List.of(b.get(2), b.get(3)), List.of(b.get(0), b.get(3)), List.of(b.get(0), b.get(1)));
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", "Polygon");
    g.put("coordinates", List.of(ring));
    return g;
  }
}
