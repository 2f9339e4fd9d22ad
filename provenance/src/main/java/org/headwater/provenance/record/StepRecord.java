package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a run, as declared in the recipe, plus what happened when it ran.
 *
 * @param number position in the recipe, counted from 1 as in error messages ("step 2 (rename)")
 *     and in the PROV graph ({@code .../step/2}, {@code hw:stepNumber 2})
 * @param name the step name, e.g. {@code rename}
 * @param parameters the declared parameters (JSON-compatible values)
 * @param details facts recorded while running (for {@code run_command}: {@code argv}, {@code
 *     exitCode}, {@code toolVersion}), JSON-compatible values
 * @param variables the output variables this step touched
 */
public record StepRecord(
    int number,
    String name,
    Map<String, Object> parameters,
    Map<String, Object> details,
    List<String> variables)
    implements Serializable {

  public StepRecord {
    Objects.requireNonNull(name, "name");
    parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    details = Map.copyOf(details == null ? Map.of() : details);
    variables = List.copyOf(variables == null ? List.of() : variables);
  }
}
