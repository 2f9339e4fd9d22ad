package org.headwater.web.view;

import java.util.List;

/**
 * One cleansing step of a run, as recorded.
 *
 * @param number 1-based position in the recipe
 * @param name the step's name, e.g. {@code convert_units}
 * @param parameters the recipe's parameters (values as JSON)
 * @param details what the step recorded while running (values as JSON)
 */
public record Step(int number, String name, List<Param> parameters, List<Param> details) {
  public Step {
    parameters = List.copyOf(parameters);
    details = List.copyOf(details);
  }

  /** A name and its value. */
  public record Param(String name, String value) {}
}
