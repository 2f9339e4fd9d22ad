package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * {@code coarsen}: reduces blocks of {@code factors: {DIM: N}} cells to one cell with {@code
 * reduction} (mean (default), max or min), leaving missing values out (a block with no value is
 * missing). Coordinates (1-D and 2-D such as lat/lon) are averaged, so they stay the block
 * centres; bounds variables take the block's outer corners ({@link CoarseBounds}). {@code boundary: trim} (default) drops
 * cells left over at the end; {@code boundary: exact} makes a length that is not a multiple of the
 * factor an error. Integer variables become float64 under mean.
 */
final class Coarsen {
  static final StepType TYPE =
      new StepType(
          "coarsen",
          Set.of("factors", "reduction", "boundary"),
          Set.of("factors"),
          p -> {
            Map<String, Integer> factors = new LinkedHashMap<>();
            p.map("factors").forEach((k, v) -> {
              if (!(v instanceof Integer n) || n < 1) {
                throw p.bad("factors", "whole numbers >= 1 by dimension", p.raw("factors"));
              }
              factors.put(k, n);
            });
            if (factors.isEmpty()) {
              throw p.bad("factors", "{DIM: N} for at least one dimension", p.raw("factors"));
            }
            String reduction = p.string("reduction", "mean");
            if (!List.of("mean", "max", "min").contains(reduction)) {
              throw p.bad("reduction", "mean, max or min", reduction);
            }
            String boundary = p.string("boundary", "trim");
            if (!List.of("trim", "exact").contains(boundary)) {
              throw p.bad("boundary", "trim or exact", boundary);
            }
            return (input, index) -> apply(input, index, factors, reduction, boundary);
          });

  private Coarsen() {}

  static Dataset apply(
      Dataset input, int index, Map<String, Integer> factors, String reduction, String boundary) {
    DatasetSchema in = input.schema();
    List<Dimension> dims = new ArrayList<>();
    for (Map.Entry<String, Integer> e : factors.entrySet()) {
      int len = in.findDimension(e.getKey()).orElseThrow(() -> new StepException(
          "no dimension '" + e.getKey() + "'; the dataset has "
              + in.dimensions().stream().map(Dimension::name).toList())).length();
      if (e.getValue() > len || (boundary.equals("exact") && len % e.getValue() != 0)) {
        throw new StepException(
            "dimension '" + e.getKey() + "' has length " + len + ", which factor " + e.getValue()
                + " does not divide" + (boundary.equals("exact") ? " (boundary: exact)" : "")
                + "; choose a smaller factor or boundary: trim");
      }
    }
    for (Dimension d : in.dimensions()) {
      Integer f = factors.get(d.name());
      dims.add(f == null ? d : new Dimension(d.name(), d.length() / f));
    }
    Set<String> bounds = boundsVariables(in);
    Set<String> coords = StepSupport.referenced(in);
    Map<String, MappedDataset.Region> regions = new LinkedHashMap<>();
    List<Variable> vars = new ArrayList<>();
    for (Variable v : in.variables()) {
      int[] f = new int[v.dims().size()];
      boolean cut = false;
      for (int i = 0; i < f.length; i++) {
        f[i] = factors.getOrDefault(v.dims().get(i), 1);
        cut |= f[i] > 1;
      }
      if (!cut || !v.dtype().isNumeric()) {
        vars.add(v);
        continue;
      }
      String how = bounds.contains(v.name()) ? "bounds"
          : DatasetSchema.isCoordinate(v) || coords.contains(v.name()) ? "mean" : reduction;
      DType type = how.equals("mean") && v.dtype().isIntegral() ? DType.FLOAT64 : v.dtype();
      Number fill = type == v.dtype() ? v.fillValue() : (Number) Double.NaN;
      double intFill = v.dtype().isIntegral() && v.fillValue() != null
          ? v.fillValue().doubleValue() : Double.NaN;
      if (how.equals("bounds") && f[f.length - 1] == 1) {
        List<String> partners = partners(in, bounds, v);
        regions.put(v.name(), (d, name, origin, shape) -> bounds(d, partners, origin, shape, f,
            type));
        vars.add(v.touchedBy(index));
        continue;
      }
      regions.put(v.name(), (d, name, origin, shape) -> {
        int[] o = origin.clone();
        int[] s = shape.clone();
        for (int i = 0; i < f.length; i++) {
          o[i] *= f[i];
          s[i] *= f[i];
        }
        return reduce(d.read(name, o, s), shape, f, how, type, intFill);
      });
      vars.add(v.withDtype(type, fill).withNewValues().touchedBy(index));
    }
    return new MappedDataset(input, new DatasetSchema(dims, vars, in.attributes()), regions);
  }

  /** Reduces blocks of {@code f} cells of {@code a} into an array of {@code shape}. */
  static Array reduce(Array a, int[] shape, int[] f, String how, DType type, double missing) {
    Array out = Array.factory(type.dataType(), shape);
    int n = (int) out.getSize();
    double[] acc = new double[n];
    int[] count = new int[n];
    int[] stride = new int[shape.length];
    for (int i = shape.length - 1, st = 1; i >= 0; i--) {
      stride[i] = st;
      st *= shape[i];
    }
    IndexIterator it = a.getIndexIterator();
    int last = shape.length - 1;
    while (it.hasNext()) {
      double x = it.getDoubleNext();
      if (Double.isNaN(x) || x == missing) {
        continue;
      }
      int[] c = it.getCurrentCounter();
      int k = 0;
      for (int i = 0; i < c.length; i++) {
        k += (c[i] / f[i]) * stride[i];
      }
      String op = how.equals("bounds") ? (c[last] == 0 ? "min" : "max") : how;
      if (count[k] == 0) {
        acc[k] = x;
      } else if (op.equals("mean")) {
        acc[k] += x;
      } else if (op.equals("max")) {
        acc[k] = Math.max(acc[k], x);
      } else {
        acc[k] = Math.min(acc[k], x);
      }
      count[k]++;
    }
    IndexIterator o = out.getIndexIterator();
    for (int k = 0; k < n; k++) {
      double v = count[k] == 0 ? missing : how.equals("mean") ? acc[k] / count[k] : acc[k];
      if (type.isIntegral()) {
        o.setLongNext((long) Math.rint(v));
      } else {
        o.setDoubleNext(count[k] == 0 ? Double.NaN : v);
      }
    }
    return out;
  }

  /** {@code v} first, then the other bounds variables of the same dimensions (lon_bnds, ...). */
  private static List<String> partners(DatasetSchema s, Set<String> bounds, Variable v) {
    List<String> out = new ArrayList<>(List.of(v.name()));
    for (Variable o : s.variables()) {
      if (!o.name().equals(v.name()) && bounds.contains(o.name()) && o.dims().equals(v.dims())
          && o.dtype().isNumeric()) {
        out.add(o.name());
      }
    }
    return out;
  }

  private static Array bounds(
      Dataset d, List<String> partners, int[] origin, int[] shape, int[] f, DType type)
      throws IOException {
    int last = f.length - 1;
    int nv = d.schema().dimensionLength(d.schema().variable(partners.get(0)).dims().get(last));
    int[] o = origin.clone();
    int[] s = shape.clone();
    for (int i = 0; i < last; i++) {
      o[i] *= f[i];
      s[i] *= f[i];
    }
    o[last] = 0;
    s[last] = nv;
    List<Array> fine = new ArrayList<>();
    for (String name : partners) {
      fine.add(d.read(name, o, s));
    }
    Array all = CoarseBounds.coarsen(fine, shape, f, type.dataType());
    if (origin[last] == 0 && shape[last] == nv) {
      return all;
    }
    int[] from = new int[shape.length];
    from[last] = origin[last];
    try {
      return all.section(from, shape).copy();
    } catch (ucar.ma2.InvalidRangeException e) {
      throw new IOException("vertices " + origin[last] + "+" + shape[last] + " of " + nv, e);
    }
  }

  private static Set<String> boundsVariables(DatasetSchema s) {
    Set<String> out = new java.util.HashSet<>();
    for (Variable v : s.variables()) {
      String b = v.attributeText("bounds");
      if (b != null) {
        out.add(b.trim());
      }
    }
    return out;
  }
}
