package org.headwater.pipeline.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.internal.Calendars;
import ucar.ma2.Array;

/**
 * {@code subset}: keeps a window of the dataset along some dimensions. Constraints (any number;
 * several on one dimension intersect):
 *
 * <ul>
 *   <li>{@code indexes: {DIM: [start, stop]}}: positions {@code start} (included) to {@code stop}
 *       (excluded), as in Python;
 *   <li>{@code values: {VARIABLE: [min, max]}}: the positions of a one-dimensional variable (e.g.
 *       the x coordinate) whose values lie in {@code [min, max]};
 *   <li>{@code bbox: [west, south, east, north]} in degrees: the smallest window covering every
 *       cell whose latitude and longitude (1-D coordinates, or 2-D auxiliary {@code lat}/{@code
 *       lon} on a projected grid) lie in the box;
 *   <li>{@code time: [start, end]}: ISO dates (prefixes such as {@code 2016} allowed, both ends
 *       included), compared in the time coordinate's own calendar.
 * </ul>
 *
 * Every variable on a subset dimension (coordinates and bounds included) is cut the same way, so
 * they stay consistent. A window with no position is an error.
 */
final class Subset {
  static final StepType TYPE =
      new StepType(
          "subset",
          Set.of("indexes", "values", "bbox", "time"),
          Set.of(),
          p -> {
            Constraints c = Constraints.of(p);
            return (input, index) -> apply(input, index, c);
          });

  private Subset() {}

  static Dataset apply(Dataset input, int index, Constraints c) {
    DatasetSchema in = input.schema();
    Map<String, int[]> windows;
    try {
      windows = SubsetWindows.of(input, c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Dimension> dims = new ArrayList<>();
    for (Dimension d : in.dimensions()) {
      int[] w = windows.get(d.name());
      dims.add(w == null ? d : new Dimension(d.name(), w[1] - w[0]));
    }
    List<Variable> vars = new ArrayList<>();
    for (Variable v : in.variables()) {
      boolean cut = v.dims().stream().anyMatch(windows::containsKey);
      vars.add(cut ? v.touchedBy(index) : v);
    }
    DatasetSchema out = new DatasetSchema(dims, vars, in.attributes());
    return new DerivedDataset(input, out) {
      @Override
      public Array read(String variable, int[] origin, int[] shape) throws IOException {
        Variable v = schema().variable(variable);
        int[] o = origin.clone();
        for (int i = 0; i < o.length; i++) {
          int[] w = windows.get(v.dims().get(i));
          if (w != null) {
            o[i] += w[0];
          }
        }
        return input.read(variable, o, shape);
      }
    };
  }

  /** The parsed constraints. */
  record Constraints(
      Map<String, int[]> indexes, Map<String, double[]> values, double[] bbox, String[] time) {
    static Constraints of(Params p) {
      Map<String, int[]> idx = new LinkedHashMap<>();
      p.map("indexes").forEach((k, v) -> {
        double[] r = pair(p, "indexes", v);
        idx.put(k, new int[] {(int) r[0], (int) r[1]});
      });
      Map<String, double[]> vals = new LinkedHashMap<>();
      p.map("values").forEach((k, v) -> vals.put(k, pair(p, "values", v)));
      double[] bbox = null;
      if (p.has("bbox")) {
        Object b = p.raw("bbox");
        if (b instanceof Map<?, ?> m) {
          b = List.of(m.get("west"), m.get("south"), m.get("east"), m.get("north"));
        }
        if (!(b instanceof List<?> l) || l.size() != 4 || l.stream().anyMatch(x -> !(x instanceof Number))) {
          throw p.bad("bbox", "[west, south, east, north] in degrees", p.raw("bbox"));
        }
        bbox = l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        if (bbox[1] > bbox[3]) {
          throw p.bad("bbox", "south <= north", p.raw("bbox"));
        }
      }
      String[] time = null;
      if (p.has("time")) {
        List<String> t = p.strings("time");
        if (t.size() != 2) {
          throw p.bad("time", "[start, end] as ISO dates", p.raw("time"));
        }
        time = new String[] {t.get(0), t.get(1)};
      }
      if (idx.isEmpty() && vals.isEmpty() && bbox == null && time == null) {
        throw p.bad("indexes", "at least one of indexes, values, bbox or time", null);
      }
      return new Constraints(idx, vals, bbox, time);
    }

    private static double[] pair(Params p, String key, Object v) {
      if (!(v instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number a)
          || !(l.get(1) instanceof Number b)) {
        throw p.bad(key, "[low, high] numbers", v);
      }
      return new double[] {a.doubleValue(), b.doubleValue()};
    }
  }

  /** Whether an ISO date-time lies in [start, end], both given as ISO prefixes. */
  static boolean inTime(String iso, String start, String end) {
    if (iso == null) {
      return false;
    }
    String s = iso.replace('T', ' ');
    String a = start.replace('T', ' ');
    String b = end.replace('T', ' ');
    return s.compareTo(a) >= 0 && s.substring(0, Math.min(s.length(), b.length())).compareTo(b) <= 0;
  }

  static String format(double value, Variable time) {
    return Calendars.format(value, time.attributeText("units"), time.attributeText("calendar"));
  }
}
