package org.headwater.pipeline.combine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;

/** Which variables of a file are concatenated along the concat dimension. */
public final class Roles {
  private static final List<String> REFERENCES =
      List.of("coordinates", "grid_mapping", "bounds", "ancillary_variables", "formula_terms");

  private Roles() {}

  /**
   * Along an existing dimension, the variables that have it. Along a new dimension, the data
   * variables: all but coordinate variables and the variables others reference as coordinates,
   * grid mappings or bounds.
   */
  public static Set<String> concatenated(DatasetSchema schema, String concatDim, boolean newDim) {
    Set<String> out = new HashSet<>();
    if (concatDim == null) {
      return out;
    }
    Set<String> referenced = referenced(schema);
    for (Variable v : schema.variables()) {
      if (newDim) {
        if (!DatasetSchema.isCoordinate(v) && !referenced.contains(v.name())) {
          out.add(v.name());
        }
      } else if (v.dims().contains(concatDim)) {
        out.add(v.name());
      }
    }
    return out;
  }

  /** Variables named by other variables' CF reference attributes. */
  public static Set<String> referenced(DatasetSchema schema) {
    Set<String> out = new HashSet<>();
    for (Variable v : schema.variables()) {
      for (String ref : REFERENCES) {
        String text = v.attributeText(ref);
        if (text == null) {
          continue;
        }
        for (String w : text.trim().split("\\s+")) {
          out.add(w.endsWith(":") ? w.substring(0, w.length() - 1) : w);
        }
      }
    }
    return out;
  }
}
