package org.headwater.pipeline.recipe;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A step as declared in a recipe.
 *
 * @param index position in the recipe's step list (0-based); users see {@link #number()}
 * @param name the step's name, e.g. {@code rename}
 * @param dataset the source dataset it applies to
 * @param parameters the parameters, JSON-compatible values in declaration order
 * @param where {@code file:line:column} of the declaration, for error messages
 */
public record StepSpec(
    int index, String name, String dataset, Map<String, Object> parameters, String where)
    implements Serializable {
  public StepSpec {
    Objects.requireNonNull(name, "name");
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** The step's number as users see it in errors, run.json and PROV: counted from 1. */
  public int number() {
    return index + 1;
  }

  /** The numbers (from 1) of steps given by {@link #index()}. */
  public static java.util.List<Integer> numbers(java.util.List<Integer> indexes) {
    return indexes.stream().map(i -> i + 1).toList();
  }
}
