package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;

/**
 * {@code drop_variables}: removes the listed variables ({@code variables: [a, b]}). References to
 * them in other variables' {@code coordinates}, {@code grid_mapping}, {@code bounds} and {@code
 * ancillary_variables} are removed too, so the output stays consistent; dimensions no remaining
 * variable uses are dropped.
 */
final class DropVariables {
  static final StepType TYPE =
      new StepType(
          "drop_variables",
          Set.of("variables"),
          Set.of("variables"),
          p -> {
            List<String> names = p.strings("variables");
            if (names.isEmpty()) {
              throw p.bad("variables", "at least one variable name", names);
            }
            return (input, index) -> apply(input, index, names);
          });

  private DropVariables() {}

  static Dataset apply(Dataset input, int index, List<String> names) {
    DatasetSchema in = input.schema();
    names.forEach(in::variable);
    List<Variable> out = new ArrayList<>();
    for (Variable v : in.variables()) {
      if (names.contains(v.name())) {
        continue;
      }
      List<Attribute> attrs = new ArrayList<>();
      boolean changed = false;
      for (Attribute a : v.attributes()) {
        if (StepSupport.REFERENCES.contains(a.name()) && a.isText()) {
          String kept = without(a.text(), names);
          changed |= !kept.equals(a.text().trim());
          if (!kept.isEmpty()) {
            attrs.add(Attribute.text(a.name(), kept));
          }
        } else {
          attrs.add(a);
        }
      }
      out.add(changed ? v.withAttributes(attrs).touchedBy(index) : v);
    }
    if (out.isEmpty()) {
      throw new StepException(
          "dropping " + names + " would leave no variables; drop fewer or use select_variables");
    }
    Set<String> used = new LinkedHashSet<>();
    out.forEach(v -> used.addAll(v.dims()));
    DatasetSchema schema =
        new DatasetSchema(
            in.dimensions().stream().filter(d -> used.contains(d.name())).toList(),
            out,
            in.attributes());
    return new DerivedDataset(input, schema);
  }

  private static String without(String text, List<String> names) {
    List<String> kept = new ArrayList<>();
    for (String w : text.trim().split("\\s+")) {
      String base = w.endsWith(":") ? w.substring(0, w.length() - 1) : w;
      if (!names.contains(base)) {
        kept.add(w);
      }
    }
    return String.join(" ", kept);
  }
}
