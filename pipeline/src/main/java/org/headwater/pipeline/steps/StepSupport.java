package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;

/** What several steps share: which variables are data, and which a step names. */
final class StepSupport {
  static final List<String> REFERENCES =
      List.of("coordinates", "grid_mapping", "bounds", "ancillary_variables");

  private StepSupport() {}

  /** Names of variables that other variables reference (coordinates, grid mappings, bounds). */
  static Set<String> referenced(DatasetSchema s) {
    Set<String> out = new LinkedHashSet<>();
    for (Variable v : s.variables()) {
      for (String ref : List.of("coordinates", "grid_mapping", "bounds")) {
        String text = v.attributeText(ref);
        if (text != null) {
          for (String w : text.trim().split("\\s+")) {
            out.add(w.endsWith(":") ? w.substring(0, w.length() - 1) : w);
          }
        }
      }
    }
    return out;
  }

  /**
   * The data variables: numeric, with at least one dimension, neither coordinate variables nor
   * referenced as coordinates, bounds or grid mappings. A table's columns are all data variables.
   */
  static List<String> dataVariables(DatasetSchema s) {
    Set<String> refs = referenced(s);
    List<String> out = new ArrayList<>();
    for (Variable v : s.variables()) {
      if (v.dtype().isNumeric() && !v.dims().isEmpty() && !refs.contains(v.name())
          && !(DatasetSchema.isCoordinate(v) && !isTable(s))) {
        out.add(v.name());
      }
    }
    return out;
  }

  /** Whether every variable has the same single dimension (a table read from CSV). */
  static boolean isTable(DatasetSchema s) {
    return s.dimensions().size() == 1
        && s.variables().stream().allMatch(v -> v.dims().size() == 1);
  }

  /** The variables a step names with {@code variable} or {@code variables}, or null if none. */
  static List<String> named(Params p) {
    List<String> out = new ArrayList<>(p.strings("variables"));
    String one = p.string("variable", null);
    if (one != null) {
      out.add(0, one);
    }
    return out.isEmpty() ? null : out;
  }

  /** The named variables after checking they exist, or the data variables when none is named. */
  static List<String> targets(DatasetSchema s, List<String> named) {
    if (named == null) {
      return dataVariables(s);
    }
    named.forEach(s::variable);
    return named;
  }

  /** A numeric variable, or an error naming it and its type. */
  static Variable numeric(DatasetSchema s, String name, String step) {
    Variable v = s.variable(name);
    if (!v.dtype().isNumeric()) {
      throw new StepException(
          step + ": variable '" + name + "' holds text (" + v.dtype().numpyName()
              + "), not numbers; name a numeric variable");
    }
    return v;
  }
}
