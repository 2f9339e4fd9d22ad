package org.headwater.pipeline.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The structure of a dataset without its data: dimensions, variables and global attributes.
 *
 * @param dimensions dimensions in order
 * @param variables variables in order
 * @param attributes global attributes in order
 */
public record DatasetSchema(
    List<Dimension> dimensions, List<Variable> variables, List<Attribute> attributes)
    implements Serializable {

  public DatasetSchema {
    dimensions = List.copyOf(dimensions);
    variables = List.copyOf(variables);
    attributes = List.copyOf(attributes);
  }

  public Optional<Dimension> findDimension(String name) {
    return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public Optional<Variable> findVariable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The variable, or an error naming it and the variables that exist. */
  public Variable variable(String name) {
    return findVariable(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no variable '" + name + "'; the dataset has " + variableNames()));
  }

  public int dimensionLength(String name) {
    return findDimension(name)
        .orElseThrow(() -> new IllegalArgumentException("no dimension '" + name + "'"))
        .length();
  }

  public List<String> variableNames() {
    return variables.stream().map(Variable::name).toList();
  }

  /** The shape of a variable from its dimensions' lengths. */
  public int[] shape(Variable v) {
    int[] shape = new int[v.dims().size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dimensionLength(v.dims().get(i));
    }
    return shape;
  }

  public int[] shape(String variable) {
    return shape(variable(variable));
  }

  /** Whether the variable is a coordinate variable (one dimension of its own name). */
  public static boolean isCoordinate(Variable v) {
    return v.dims().size() == 1 && v.dims().get(0).equals(v.name());
  }

  public DatasetSchema withVariables(List<Variable> newVariables) {
    return new DatasetSchema(dimensions, newVariables, attributes);
  }

  public DatasetSchema withAttributes(List<Attribute> newAttributes) {
    return new DatasetSchema(dimensions, variables, newAttributes);
  }

  public DatasetSchema withDimensions(List<Dimension> newDimensions) {
    return new DatasetSchema(newDimensions, variables, attributes);
  }

  /** A copy with one variable replaced by {@code change} applied to it. */
  public DatasetSchema mapVariable(String name, UnaryOperator<Variable> change) {
    variable(name);
    List<Variable> out = new ArrayList<>();
    for (Variable v : variables) {
      out.add(v.name().equals(name) ? change.apply(v) : v);
    }
    return withVariables(out);
  }
}
