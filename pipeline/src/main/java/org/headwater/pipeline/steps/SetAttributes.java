package org.headwater.pipeline.steps;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;

/**
 * {@code set_attributes}: sets attributes ({@code attributes: {name: value}}) on a variable
 * ({@code variable: NAME}) or, without {@code variable}, on the dataset. Values are text, numbers
 * or lists of numbers.
 */
final class SetAttributes {
  static final StepType TYPE =
      new StepType(
          "set_attributes",
          Set.of("variable", "attributes"),
          Set.of("attributes"),
          p -> {
            String variable = p.string("variable", null);
            Map<String, Object> attrs = p.map("attributes");
            if (attrs.isEmpty()) {
              throw p.bad("attributes", "at least one name: value", attrs);
            }
            List<Attribute> parsed =
                attrs.entrySet().stream()
                    .map(e -> Attribute.fromJson(e.getKey(), e.getValue()))
                    .toList();
            return (input, index) -> apply(input, index, variable, parsed);
          });

  private SetAttributes() {}

  static Dataset apply(Dataset input, int index, String variable, List<Attribute> attrs) {
    DatasetSchema in = input.schema();
    DatasetSchema out;
    if (variable == null) {
      List<Attribute> g = in.attributes();
      for (Attribute a : attrs) {
        g = Attributes.with(g, a);
      }
      out = in.withAttributes(g);
    } else {
      out =
          in.mapVariable(
              variable,
              v -> {
                List<Attribute> a = v.attributes();
                for (Attribute x : attrs) {
                  a = Attributes.with(a, x);
                }
                return v.withAttributes(a).touchedBy(index);
              });
    }
    return new DerivedDataset(input, out);
  }
}
