package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A variable of an output (or a column of a CSV output) and the source variables it came from.
 *
 * @param name the name in the output
 * @param dtype the stored type, e.g. {@code float32}, {@code int16}, {@code string}
 * @param dimensions dimension names (a CSV column has its table's one dimension; empty for
 *     scalars)
 * @param units the {@code units} attribute, or null
 * @param description long name or description, or null
 * @param missingValue the missing-value code as text (e.g. {@code NaN}, {@code -9999}), or null
 * @param sources the names of the source variables it derives from (a renamed variable lists its
 *     original name)
 * @param steps numbers (from 1, as {@link StepRecord#number()}) of the steps that changed it
 */
public record VariableRecord(
    String name,
    String dtype,
    List<String> dimensions,
    String units,
    String description,
    String missingValue,
    List<String> sources,
    List<Integer> steps)
    implements Serializable {

  public VariableRecord {
    Objects.requireNonNull(name, "name");
    dimensions = List.copyOf(dimensions == null ? List.of() : dimensions);
    sources = List.copyOf(sources == null ? List.of() : sources);
    steps = List.copyOf(steps == null ? List.of() : steps);
  }
}
