package org.headwater.pipeline.steps;

import java.util.Map;
import java.util.Set;

/**
 * A kind of step as it can be declared in a recipe: its name, its parameters and how to make it.
 *
 * @param name the name used in recipes ({@code step: NAME})
 * @param parameters every parameter it accepts
 * @param required the parameters it needs
 * @param factory makes the step from checked parameters; throws {@link IllegalArgumentException}
 *     naming the parameter when a value is unusable
 */
public record StepType(
    String name,
    Set<String> parameters,
    Set<String> required,
    java.util.function.Function<Params, Step> factory) {

  public StepType {
    parameters = Set.copyOf(parameters);
    required = Set.copyOf(required);
  }

  /** Checks parameter names and values, then makes the step. */
  public Step create(Map<String, Object> values) {
    for (String key : values.keySet()) {
      if (!parameters.contains(key) && !key.startsWith("_")) {
        throw new IllegalArgumentException(
            "step '" + name + "' has no parameter '" + key + "'; its parameters: "
                + new java.util.TreeSet<>(parameters));
      }
    }
    for (String key : required) {
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException(
            "step '" + name + "' needs parameter '" + key + "'");
      }
    }
    return factory.apply(new Params(name, values));
  }
}
