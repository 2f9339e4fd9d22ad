package org.headwater.pipeline.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;

/**
 * {@code cast}: changes the type of variables ({@code variable}/{@code variables}) to {@code
 * dtype}. Casting to an integer type rounds to the nearest integer; missing values (NaN) become
 * {@code fill_value} (default: netCDF's default fill value of the type); a value the type cannot
 * hold fails the run naming the variable and the value. Casting to a floating-point type turns an
 * integer variable's fill value into NaN.
 */
final class Cast {
  static final StepType TYPE =
      new StepType(
          "cast",
          Set.of("variable", "variables", "dtype", "fill_value"),
          Set.of("dtype"),
          p -> {
            List<String> named = StepSupport.named(p);
            if (named == null) {
              throw p.bad("variable", "the variable to cast", null);
            }
            DType to;
            try {
              to = DType.parse(p.string("dtype", null));
            } catch (IllegalArgumentException e) {
              throw p.bad("dtype", "int8..int64, uint8..uint64, float32 or float64",
                  p.raw("dtype"));
            }
            if (!to.isNumeric()) {
              throw p.bad("dtype", "a numeric type", p.raw("dtype"));
            }
            Number fill = p.has("fill_value") ? p.number("fill_value", Double.NaN) : null;
            return (input, index) -> apply(input, index, named, to, fill);
          });

  private Cast() {}

  static Dataset apply(Dataset input, int index, List<String> named, DType to, Number fillParam) {
    DatasetSchema in = input.schema();
    Map<String, MappedDataset.Region> regions = new HashMap<>();
    DatasetSchema out = in;
    for (String name : named) {
      Variable v = StepSupport.numeric(in, name, "cast");
      double oldFill = v.dtype().isIntegral() && v.fillValue() != null
          ? v.fillValue().doubleValue() : Double.NaN;
      Number fill;
      if (to.isFloatingPoint()) {
        fill = fillParam != null ? MappedDataset.cast(fillParam, to)
            : v.fillValue() == null ? null
            : MappedDataset.cast(v.dtype().isIntegral() ? Double.NaN : v.fillValue(), to);
      } else {
        fill = MappedDataset.cast(fillParam != null ? fillParam : MappedDataset.defaultFill(to), to);
      }
      double[] range = MappedDataset.range(to);
      double code = fill == null ? Double.NaN : fill.doubleValue();
      boolean integral = to.isIntegral();
      regions.put(
          name,
          MappedDataset.elementwise(
              to,
              x -> {
                boolean missing = Double.isNaN(x) || x == oldFill;
                if (!integral) {
                  return missing ? Double.NaN : x;
                }
                if (missing) {
                  return code;
                }
                double r = Math.rint(x);
                if (r < range[0] || r > range[1]) {
                  throw new StepException(
                      "cast: variable '" + name + "' has the value " + x + ", which "
                          + to.numpyName() + " cannot hold; mask it first or cast to a wider type");
                }
                return r;
              }));
      out = out.mapVariable(name, x -> x.withDtype(to, fill).touchedBy(index));
    }
    return new MappedDataset(input, out, regions);
  }
}
