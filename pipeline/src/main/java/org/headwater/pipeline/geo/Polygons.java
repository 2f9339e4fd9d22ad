package org.headwater.pipeline.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Polygons read from GeoJSON ({@code Polygon}, {@code MultiPolygon}, {@code Feature}, {@code
 * FeatureCollection}) and point-in-polygon tests with holes (even-odd rule).
 *
 * @param rings each polygon as its rings (outer ring first, then holes), each ring as {x, y} points
 */
public record Polygons(List<List<double[][]>> rings) {

  public Polygons {
    rings = List.copyOf(rings);
  }

  /** Reads GeoJSON given as parsed JSON (maps and lists). */
  public static Polygons fromGeoJson(Object json) {
    List<List<double[][]>> out = new ArrayList<>();
    collect(json, out);
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the GeoJSON holds no Polygon or MultiPolygon");
    }
    return new Polygons(out);
  }

  private static void collect(Object json, List<List<double[][]>> out) {
    if (!(json instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("GeoJSON must be an object with a 'type', found " + json);
    }
    Object type = m.get("type");
    if ("FeatureCollection".equals(type)) {
      for (Object f : list(m.get("features"), "features")) {
        collect(f, out);
      }
    } else if ("Feature".equals(type)) {
      collect(m.get("geometry"), out);
    } else if ("Polygon".equals(type)) {
      out.add(polygon(m.get("coordinates")));
    } else if ("MultiPolygon".equals(type)) {
      for (Object p : list(m.get("coordinates"), "coordinates")) {
        out.add(polygon(p));
      }
    } else {
      throw new IllegalArgumentException(
          "GeoJSON type '" + type + "' is not supported; give a Polygon or MultiPolygon");
    }
  }

  private static List<double[][]> polygon(Object coords) {
    List<double[][]> rings = new ArrayList<>();
    for (Object ring : list(coords, "coordinates")) {
      List<?> pts = list(ring, "ring");
      if (pts.size() < 3) {
        throw new IllegalArgumentException("a polygon ring needs at least 3 points, found " + pts);
      }
      double[][] r = new double[pts.size()][];
      for (int i = 0; i < r.length; i++) {
        List<?> xy = list(pts.get(i), "position");
        if (xy.size() < 2 || !(xy.get(0) instanceof Number x) || !(xy.get(1) instanceof Number y)) {
          throw new IllegalArgumentException("a GeoJSON position is [x, y], found " + xy);
        }
        r[i] = new double[] {x.doubleValue(), y.doubleValue()};
      }
      rings.add(r);
    }
    return rings;
  }

  private static List<?> list(Object o, String what) {
    if (!(o instanceof List<?> l)) {
      throw new IllegalArgumentException("GeoJSON '" + what + "' must be a list, found " + o);
    }
    return l;
  }

  /**
   * The polygons with every point transformed; each edge is first split into {@code segments}
   * pieces so that edges straight in the source CRS follow their curve in the target CRS.
   */
  public Polygons transform(UnaryOperator<double[]> f, int segments) {
    List<List<double[][]>> out = new ArrayList<>();
    for (List<double[][]> poly : rings) {
      List<double[][]> rs = new ArrayList<>();
      for (double[][] ring : poly) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < ring.length; i++) {
          double[] a = ring[i];
          double[] b = ring[(i + 1) % ring.length];
          for (int k = 0; k < segments; k++) {
            double t = (double) k / segments;
            pts.add(f.apply(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])}));
          }
        }
        rs.add(pts.toArray(double[][]::new));
      }
      out.add(rs);
    }
    return new Polygons(out);
  }

  /** Whether the point lies inside any polygon (inside its outer ring, outside its holes). */
  public boolean contains(double x, double y) {
    for (List<double[][]> poly : rings) {
      boolean inside = false;
      for (double[][] ring : poly) {
        if (inRing(ring, x, y)) {
          inside = !inside;
        }
      }
      if (inside) {
        return true;
      }
    }
    return false;
  }

  static boolean inRing(double[][] r, double x, double y) {
    boolean in = false;
    for (int i = 0, j = r.length - 1; i < r.length; j = i++) {
      if ((r[i][1] > y) != (r[j][1] > y)
          && x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) {
        in = !in;
      }
    }
    return in;
  }
}
