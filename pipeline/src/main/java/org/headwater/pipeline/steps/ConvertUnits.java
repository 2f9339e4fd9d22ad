package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.units.Units;

/**
 * {@code convert_units}: converts the values of variables (or a table's columns) to other UDUNITS
 * units ({@code to}), updating {@code units} and the {@code valid_min}, {@code valid_max}, {@code
 * valid_range} and {@code actual_range} attributes. {@code from} states the expected current units
 * (an error if they differ) or gives units to a variable that has none. Floating-point variables
 * keep their type; integer variables become float64 (their fill value becomes NaN).
 */
final class ConvertUnits {
  static final StepType TYPE =
      new StepType(
          "convert_units",
          Set.of("variable", "variables", "to", "from"),
          Set.of("to"),
          p -> {
            List<String> named = StepSupport.named(p);
            if (named == null) {
              throw p.bad("variable", "the variable (or column) to convert", null);
            }
            String to = p.string("to", null);
            String from = p.string("from", null);
            return (input, index) -> apply(input, index, named, from, to);
          });
  private static final List<String> RANGES =
      List.of("valid_min", "valid_max", "valid_range", "actual_range");

  private ConvertUnits() {}

  static Dataset apply(Dataset input, int index, List<String> named, String from, String to) {
    DatasetSchema in = input.schema();
    Map<String, MappedDataset.Region> regions = new HashMap<>();
    DatasetSchema out = in;
    for (String name : named) {
      Variable v = StepSupport.numeric(in, name, "convert_units");
      String current = v.attributeText("units");
      if (current == null && from == null) {
        throw new StepException(
            "variable '" + name + "' has no units; give 'from: UNITS' or set them with fix_units");
      }
      if (current != null && from != null && !current.equals(from)) {
        throw new StepException(
            "variable '" + name + "' has units '" + current + "', not '" + from
                + "'; correct 'from' or leave it out");
      }
      String source = current == null ? from : current;
      DoubleUnaryOperator f;
      try {
        f = Units.converter(source, to);
      } catch (IllegalArgumentException e) {
        throw new StepException("variable '" + name + "': " + e.getMessage(), e);
      }
      DType type = v.dtype().isFloatingPoint() ? v.dtype() : DType.FLOAT64;
      Number fill = v.fillValue();
      double intFill = fill == null || v.dtype().isFloatingPoint() ? Double.NaN : fill.doubleValue();
      if (!v.dtype().isFloatingPoint()) {
        fill = Double.NaN;
      } else if (fill != null && !Double.isNaN(fill.doubleValue())) {
        fill = MappedDataset.cast(fill, type);
      }
      DoubleUnaryOperator conv = x -> Double.isNaN(x) || x == intFill ? Double.NaN : f.applyAsDouble(x);
      regions.put(name, MappedDataset.elementwise(type, conv));
      List<Attribute> attrs = Attributes.with(v.attributes(), Attribute.text("units", to));
      attrs = convertRanges(attrs, f, type);
      Variable nv = v.withDtype(type, fill).withAttributes(attrs).withNewValues().touchedBy(index);
      out = out.mapVariable(name, x -> nv);
    }
    return new MappedDataset(input, out, regions);
  }

  private static List<Attribute> convertRanges(
      List<Attribute> attrs, DoubleUnaryOperator f, DType type) {
    List<Attribute> out = new ArrayList<>();
    for (Attribute a : attrs) {
      if (RANGES.contains(a.name()) && !a.isText()) {
        List<Object> values = new ArrayList<>();
        for (Object o : a.values()) {
          values.add(MappedDataset.cast(f.applyAsDouble(((Number) o).doubleValue()), type));
        }
        out.add(new Attribute(a.name(), type, values));
      } else {
        out.add(a);
      }
    }
    return out;
  }
}
