package org.headwater.pipeline.dataset;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A variable of a dataset: its decoded type, dimensions, attributes and lineage.
 *
 * <p>Values are held decoded (CF {@code scale_factor}/{@code add_offset} applied; missing values
 * of floating-point variables as NaN). {@code fillValue} is the value writers store for missing
 * data: the variable's own {@code _FillValue} when it has one, NaN for unpacked floats, or null.
 * The {@code _FillValue} attribute itself is not kept in {@code attributes}.
 *
 * @param name the variable name
 * @param dtype the decoded type
 * @param dims dimension names, outermost first
 * @param attributes attributes in file order (without {@code _FillValue}, {@code scale_factor},
 *     {@code add_offset})
 * @param fillValue the value written for missing data, or null
 * @param sources the source variable names this variable derives from
 * @param steps indexes of the recipe steps that changed this variable
 */
public record Variable(
    String name,
    DType dtype,
    List<String> dims,
    List<Attribute> attributes,
    Number fillValue,
    List<String> sources,
    List<Integer> steps)
    implements Serializable {

  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    dims = List.copyOf(dims);
    attributes = List.copyOf(attributes);
    sources = List.copyOf(sources);
    steps = List.copyOf(steps);
  }

  public String attributeText(String attributeName) {
    return Attributes.text(attributes, attributeName);
  }

  public Variable withName(String newName) {
    return new Variable(newName, dtype, dims, attributes, fillValue, sources, steps);
  }

  public Variable withDims(List<String> newDims) {
    return new Variable(name, dtype, newDims, attributes, fillValue, sources, steps);
  }

  public Variable withAttributes(List<Attribute> newAttributes) {
    return new Variable(name, dtype, dims, newAttributes, fillValue, sources, steps);
  }

  public Variable withDtype(DType newType, Number newFill) {
    return new Variable(name, newType, dims, attributes, newFill, sources, steps);
  }

  /** A copy that records step {@code index} as having changed it. */
  public Variable touchedBy(int index) {
    if (steps.contains(index)) {
      return this;
    }
    List<Integer> s = new java.util.ArrayList<>(steps);
    s.add(index);
    return new Variable(name, dtype, dims, attributes, fillValue, sources, s);
  }
}
