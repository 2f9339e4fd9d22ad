package org.headwater.pipeline.steps;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;

/**
 * {@code select_variables}: keeps the listed variables ({@code variables: [a, b]}) and what they
 * need: the coordinate variables of their dimensions and the variables their {@code coordinates},
 * {@code grid_mapping}, {@code bounds} and {@code ancillary_variables} attributes name. Dimensions
 * no kept variable uses are dropped.
 */
final class SelectVariables {
  static final StepType TYPE =
      new StepType(
          "select_variables",
          Set.of("variables"),
          Set.of("variables"),
          p -> {
            List<String> names = p.strings("variables");
            if (names.isEmpty()) {
              throw p.bad("variables", "at least one variable name", names);
            }
            return (input, index) -> apply(input, names);
          });

  private SelectVariables() {}

  static Dataset apply(Dataset input, List<String> names) {
    DatasetSchema in = input.schema();
    return new DerivedDataset(input, keep(in, names));
  }

  /** The schema restricted to {@code names} and everything they reference. */
  static DatasetSchema keep(DatasetSchema in, List<String> names) {
    Set<String> keep = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String n : names) {
      in.variable(n);
      todo.add(n);
    }
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (!keep.add(n)) {
        continue;
      }
      Variable v = in.variable(n);
      for (String d : v.dims()) {
        in.findVariable(d).filter(DatasetSchema::isCoordinate).ifPresent(c -> todo.add(c.name()));
      }
      for (String ref : List.of("coordinates", "grid_mapping", "bounds", "ancillary_variables")) {
        String text = v.attributeText(ref);
        if (text != null) {
          for (String w : text.trim().split("\\s+")) {
            String name = w.endsWith(":") ? w.substring(0, w.length() - 1) : w;
            if (in.findVariable(name).isPresent()) {
              todo.add(name);
            }
          }
        }
      }
    }
    List<Variable> vars = in.variables().stream().filter(v -> keep.contains(v.name())).toList();
    Set<String> usedDims = new LinkedHashSet<>();
    vars.forEach(v -> usedDims.addAll(v.dims()));
    return new DatasetSchema(
        in.dimensions().stream().filter(d -> usedDims.contains(d.name())).toList(),
        vars,
        in.attributes());
  }
}
