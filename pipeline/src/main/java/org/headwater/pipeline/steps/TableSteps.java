package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;

/**
 * Steps for tables (a CSV source is a dataset with one dimension, {@code row}, and one variable per
 * column):
 *
 * <ul>
 *   <li>{@code rename_columns: {columns: {old: new}}}, e.g. {@code "Mass (Gt)": mass};
 *   <li>{@code select_columns: {columns: [a, b]}} keeps those columns, in that order.
 * </ul>
 *
 * See also {@code filter_rows}, {@code derive_column}, and {@code convert_units}, which converts a
 * column as it converts a variable.
 */
final class TableSteps {
  static final StepType RENAME_COLUMNS =
      new StepType(
          "rename_columns",
          Set.of("columns"),
          Set.of("columns"),
          p -> {
            Map<String, String> cols = p.stringMap("columns");
            if (cols.isEmpty()) {
              throw p.bad("columns", "{old: new} for at least one column", cols);
            }
            return (input, index) -> Rename.apply(input, index, cols, Map.of());
          });

  static final StepType SELECT_COLUMNS =
      new StepType(
          "select_columns",
          Set.of("columns"),
          Set.of("columns"),
          p -> {
            List<String> cols = p.strings("columns");
            if (cols.isEmpty()) {
              throw p.bad("columns", "at least one column name", cols);
            }
            return (input, index) -> select(input, cols);
          });

  private TableSteps() {}

  static Dataset select(Dataset input, List<String> columns) {
    DatasetSchema in = input.schema();
    List<Variable> vars = new ArrayList<>();
    for (String c : columns) {
      vars.add(in.variable(c));
    }
    Set<String> used = new LinkedHashSet<>();
    vars.forEach(v -> used.addAll(v.dims()));
    return new DerivedDataset(
        input,
        new DatasetSchema(
            in.dimensions().stream().filter(d -> used.contains(d.name())).toList(),
            vars,
            in.attributes()));
  }
}
