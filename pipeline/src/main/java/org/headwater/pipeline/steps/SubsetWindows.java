package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;

/** Works out {@link Subset}'s windows, {start, stop} by dimension, from its constraints. */
final class SubsetWindows {
  private final DatasetSchema s;
  private final Map<String, int[]> out = new LinkedHashMap<>();

  private SubsetWindows(DatasetSchema s) {
    this.s = s;
  }

  static Map<String, int[]> of(Dataset d, Subset.Constraints c) throws IOException {
    SubsetWindows w = new SubsetWindows(d.schema());
    for (Map.Entry<String, int[]> e : c.indexes().entrySet()) {
      int len = w.length(e.getKey());
      int[] r = e.getValue();
      if (r[0] < 0 || r[1] > len || r[0] >= r[1]) {
        throw new StepException(
            "indexes of dimension '" + e.getKey() + "': [" + r[0] + ", " + r[1] + ") is not a"
                + " non-empty range inside [0, " + len + ")");
      }
      w.intersect(e.getKey(), r[0], r[1], "indexes");
    }
    for (Map.Entry<String, double[]> e : c.values().entrySet()) {
      Variable v = d.schema().variable(e.getKey());
      if (v.dims().size() != 1) {
        throw new StepException(
            "values: variable '" + v.name() + "' has dimensions " + v.dims() + "; name a"
                + " one-dimensional coordinate such as x, y or lat");
      }
      double[] r = e.getValue();
      Array a = d.readAll(v.name());
      int lo = Integer.MAX_VALUE;
      int hi = -1;
      for (int i = 0; i < a.getSize(); i++) {
        double x = a.getDouble(i);
        if (x >= Math.min(r[0], r[1]) && x <= Math.max(r[0], r[1])) {
          lo = Math.min(lo, i);
          hi = Math.max(hi, i);
        }
      }
      w.window(v.dims().get(0), lo, hi, "values of '" + v.name() + "' in [" + r[0] + ", " + r[1] + "]");
    }
    if (c.bbox() != null) {
      w.bbox(d, c.bbox());
    }
    if (c.time() != null) {
      Variable t = d.schema().variables().stream()
          .filter(v -> v.dims().size() == 1 && org.headwater.pipeline.units.Units.isTimeReference(
              v.attributeText("units")))
          .findFirst()
          .orElseThrow(() -> new StepException(
              "time: the dataset has no time coordinate (units '... since ...'); subset with"
                  + " indexes instead"));
      Array a = d.readAll(t.name());
      int lo = Integer.MAX_VALUE;
      int hi = -1;
      for (int i = 0; i < a.getSize(); i++) {
        if (Subset.inTime(Subset.format(a.getDouble(i), t), c.time()[0], c.time()[1])) {
          lo = Math.min(lo, i);
          hi = Math.max(hi, i);
        }
      }
      w.window(t.dims().get(0), lo, hi, "time in [" + c.time()[0] + ", " + c.time()[1] + "]");
    }
    return w.out;
  }

  private void bbox(Dataset d, double[] box) throws IOException {
    Variable lat = find("latitude", "degrees_north");
    Variable lon = find("longitude", "degrees_east");
    if (lat == null || lon == null) {
      throw new StepException(
          "bbox: the dataset has no latitude/longitude variables (standard_name latitude and"
              + " longitude, or units degrees_north/degrees_east); subset with values on x/y");
    }
    String what = "bbox " + java.util.Arrays.toString(box);
    Array la = d.readAll(lat.name());
    Array lo = d.readAll(lon.name());
    if (lat.dims().size() == 1 && lon.dims().size() == 1) {
      window(lat.dims().get(0), la, x -> x >= box[1] && x <= box[3], what);
      window(lon.dims().get(0), lo, x -> inLon(x, box[0], box[2]), what);
      return;
    }
    if (lat.dims().size() != 2 || !lat.dims().equals(lon.dims())) {
      throw new StepException(
          "bbox: latitude '" + lat.name() + "' and longitude '" + lon.name() + "' need the same"
              + " one or two dimensions; found " + lat.dims() + " and " + lon.dims());
    }
    int[] shape = la.getShape();
    int jlo = Integer.MAX_VALUE, jhi = -1, ilo = Integer.MAX_VALUE, ihi = -1;
    for (int j = 0; j < shape[0]; j++) {
      for (int i = 0; i < shape[1]; i++) {
        int k = j * shape[1] + i;
        double y = la.getDouble(k);
        if (y >= box[1] && y <= box[3] && inLon(lo.getDouble(k), box[0], box[2])) {
          jlo = Math.min(jlo, j);
          jhi = Math.max(jhi, j);
          ilo = Math.min(ilo, i);
          ihi = Math.max(ihi, i);
        }
      }
    }
    window(lat.dims().get(0), jlo, jhi, what);
    window(lat.dims().get(1), ilo, ihi, what);
  }

  private void window(String dim, Array a, java.util.function.DoublePredicate in, String what) {
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    for (int i = 0; i < a.getSize(); i++) {
      if (in.test(a.getDouble(i))) {
        lo = Math.min(lo, i);
        hi = Math.max(hi, i);
      }
    }
    window(dim, lo, hi, what);
  }

  /** Whether a longitude lies in [west, east], across the antimeridian when west > east. */
  static boolean inLon(double lon, double west, double east) {
    double x = ((lon + 180) % 360 + 360) % 360 - 180;
    double w = ((west + 180) % 360 + 360) % 360 - 180;
    double e = ((east + 180) % 360 + 360) % 360 - 180;
    if (east - west >= 360) {
      return true;
    }
    return w <= e ? x >= w && x <= e : x >= w || x <= e;
  }

  private void window(String dim, int lo, int hi, String what) {
    if (hi < 0) {
      throw new StepException(
          what + " selects nothing along '" + dim + "': the subset would be empty; check the"
              + " range against the dataset's coordinates");
    }
    intersect(dim, lo, hi + 1, what);
  }

  private void intersect(String dim, int start, int stop, String what) {
    int[] old = out.get(dim);
    int a = old == null ? start : Math.max(old[0], start);
    int b = old == null ? stop : Math.min(old[1], stop);
    if (a >= b) {
      throw new StepException(
          what + " does not overlap the other constraints on '" + dim + "': the subset would be"
              + " empty");
    }
    out.put(dim, new int[] {a, b});
  }

  private int length(String dim) {
    if (s.findDimension(dim).isEmpty()) {
      throw new StepException("no dimension '" + dim + "'; the dataset has "
          + s.dimensions().stream().map(x -> x.name()).toList());
    }
    return s.dimensionLength(dim);
  }

  private Variable find(String standardName, String units) {
    for (Variable v : s.variables()) {
      if (standardName.equals(v.attributeText("standard_name"))) {
        return v;
      }
    }
    return s.variables().stream().filter(v -> units.equals(v.attributeText("units")))
        .findFirst().orElse(null);
  }
}
