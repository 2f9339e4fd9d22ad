package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * {@code mask}: turns values into missing by rule. Rules (any number, combined with "or"): {@code
 * equal} (a value or list, e.g. an undeclared missing code), {@code below}, {@code above}, {@code
 * outside_valid_range: true} (the variable's {@code valid_range}/{@code valid_min}/{@code
 * valid_max}), and {@code where: {variable: OTHER, below|above|equal: X}} (mask where another
 * variable, whose dimensions end the target's, meets a condition). Applies to {@code
 * variable}/{@code variables}, or every data variable. Floating-point variables get NaN; integer
 * variables get their fill value, which {@code fill_value} sets (it also sets {@code _FillValue}
 * of floating-point variables).
 */
final class Mask {
  static final StepType TYPE =
      new StepType(
          "mask",
          Set.of("variable", "variables", "equal", "below", "above", "outside_valid_range",
              "where", "fill_value"),
          Set.of(),
          p -> {
            Rule rule = Rule.of(p);
            Number fill = p.has("fill_value") ? p.number("fill_value", Double.NaN) : null;
            List<String> named = StepSupport.named(p);
            Map<String, Object> where = p.map("where");
            Rule whereRule = where.isEmpty() ? null : Rule.of(new Params("mask where", where));
            String other = where.isEmpty() ? null : String.valueOf(where.get("variable"));
            if (where.containsKey("variable") == where.isEmpty()) {
              throw p.bad("where", "{variable: NAME, below|above|equal: VALUE}", where);
            }
            if (rule.isEmpty() && whereRule == null) {
              throw p.bad("equal", "at least one rule: equal, below, above, outside_valid_range"
                  + " or where", null);
            }
            return (input, index) -> apply(input, index, named, rule, other, whereRule, fill);
          });

  /** A condition on one value. */
  record Rule(List<Double> equal, double below, double above, boolean outsideValid) {
    static Rule of(Params p) {
      List<Double> eq = new ArrayList<>();
      for (String s : p.strings("equal")) {
        try {
          eq.add(Double.parseDouble(s));
        } catch (NumberFormatException e) {
          throw p.bad("equal", "a number or a list of numbers", s);
        }
      }
      return new Rule(eq, p.number("below", Double.NaN), p.number("above", Double.NaN),
          p.bool("outside_valid_range", false));
    }

    boolean isEmpty() {
      return equal.isEmpty() && Double.isNaN(below) && Double.isNaN(above) && !outsideValid;
    }

    boolean test(double x, double vmin, double vmax) {
      if (Double.isNaN(x)) {
        return false;
      }
      for (double e : equal) {
        if (x == e || (float) x == (float) e) {
          return true;
        }
      }
      return x < below || x > above || (outsideValid && (x < vmin || x > vmax));
    }
  }

  private Mask() {}

  static Dataset apply(
      Dataset input, int index, List<String> named, Rule rule, String other, Rule where,
      Number fillParam) {
    DatasetSchema in = input.schema();
    List<String> targets = StepSupport.targets(in, named);
    if (other != null) {
      StepSupport.numeric(in, other, "mask");
    }
    Map<String, MappedDataset.Region> regions = new HashMap<>();
    DatasetSchema out = in;
    for (String name : targets) {
      Variable v = StepSupport.numeric(in, name, "mask");
      Number fill = fillParam != null ? MappedDataset.cast(fillParam, v.dtype()) : v.fillValue();
      if (v.dtype().isIntegral() && fill == null) {
        throw new StepException(
            "variable '" + name + "' is " + v.dtype().numpyName() + " without a _FillValue; give"
                + " fill_value: CODE, or cast it to float32 first");
      }
      if (v.dtype().isFloatingPoint() && fill == null) {
        fill = MappedDataset.cast(Double.NaN, v.dtype());
      }
      double[] valid = validRange(v, rule.outsideValid());
      int[] suffix = new int[] {-1};
      if (other != null) {
        List<String> od = in.variable(other).dims();
        List<String> vd = v.dims();
        if (od.size() > vd.size() || !vd.subList(vd.size() - od.size(), vd.size()).equals(od)) {
          throw new StepException(
              "'where' variable '" + other + "' has dimensions " + od + ", which do not end the"
                  + " dimensions " + vd + " of '" + name + "'; mask with a variable on the same"
                  + " grid");
        }
        suffix[0] = vd.size() - od.size();
      }
      double code = v.dtype().isFloatingPoint() ? Double.NaN : fill.doubleValue();
      DType type = v.dtype();
      regions.put(
          name,
          (d, var, origin, shape) -> {
            Array a = d.read(var, origin, shape);
            Array cond = null;
            if (other != null) {
              int k = suffix[0];
              cond = d.read(other, java.util.Arrays.copyOfRange(origin, k, origin.length),
                  java.util.Arrays.copyOfRange(shape, k, shape.length));
            }
            Array result = Array.factory(type.dataType(), a.getShape());
            IndexIterator it = a.getIndexIterator();
            IndexIterator o = result.getIndexIterator();
            long condSize = cond == null ? 1 : cond.getSize();
            for (long i = 0; it.hasNext(); i++) {
              double x = it.getDoubleNext();
              boolean missing = rule.test(x, valid[0], valid[1])
                  || (cond != null && where.test(cond.getDouble((int) (i % condSize)),
                      Double.NaN, Double.NaN));
              double y = missing ? code : x;
              if (type.isIntegral()) {
                o.setLongNext((long) y);
              } else {
                o.setDoubleNext(y);
              }
            }
            return result;
          });
      Number newFill = fill;
      out = out.mapVariable(name, x -> x.withDtype(type, newFill).touchedBy(index));
    }
    return new MappedDataset(input, out, regions);
  }

  private static double[] validRange(Variable v, boolean needed) {
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    var range = Attributes.find(v.attributes(), "valid_range");
    if (range.isPresent() && !range.get().isText() && range.get().values().size() == 2) {
      lo = ((Number) range.get().values().get(0)).doubleValue();
      hi = ((Number) range.get().values().get(1)).doubleValue();
    }
    var min = Attributes.find(v.attributes(), "valid_min");
    var max = Attributes.find(v.attributes(), "valid_max");
    if (min.isPresent() && !min.get().isText()) {
      lo = min.get().number().doubleValue();
    }
    if (max.isPresent() && !max.get().isText()) {
      hi = max.get().number().doubleValue();
    }
    if (needed && lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
      throw new StepException(
          "variable '" + v.name() + "' has no valid_range, valid_min or valid_max; set one with"
              + " set_attributes or mask with below/above");
    }
    return new double[] {lo, hi};
  }
}
