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
 * <p>{@code encoding} records how the source stored the variable (packing, fill and missing
 * values, type); outputs store it the same way. It is dropped when {@code dtype} changes, and by
 * steps that change values beyond what the stored form holds.
 *
 * @param name the variable name
 * @param dtype the decoded type
 * @param dims dimension names, outermost first
 * @param attributes attributes in file order (without {@code _FillValue}, {@code scale_factor},
 *     {@code add_offset})
 * @param fillValue the value written for missing data, or null
 * @param sources the source variable names this variable derives from
 * @param steps indexes of the recipe steps that changed this variable
 * @param encoding the stored form outputs keep, or null to write the decoded values as they are
 */
public record Variable(
    String name,
    DType dtype,
    List<String> dims,
    List<Attribute> attributes,
    Number fillValue,
    List<String> sources,
    List<Integer> steps,
    VariableEncoding encoding)
    implements Serializable {

  public Variable {
    if (encoding != null && encoding.decoded() != dtype) {
      encoding = null;
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    dims = List.copyOf(dims);
    attributes = List.copyOf(attributes);
    sources = List.copyOf(sources);
    steps = List.copyOf(steps);
  }

  /** A variable without an encoding: its decoded values are what outputs store. */
  public Variable(
      String name,
      DType dtype,
      List<String> dims,
      List<Attribute> attributes,
      Number fillValue,
      List<String> sources,
      List<Integer> steps) {
    this(name, dtype, dims, attributes, fillValue, sources, steps, null);
  }

  public String attributeText(String attributeName) {
    return Attributes.text(attributes, attributeName);
  }

  public Variable withName(String newName) {
    return new Variable(newName, dtype, dims, attributes, fillValue, sources, steps, encoding);
  }

  public Variable withDims(List<String> newDims) {
    return new Variable(name, dtype, newDims, attributes, fillValue, sources, steps, encoding);
  }

  public Variable withAttributes(List<Attribute> newAttributes) {
    return new Variable(name, dtype, dims, newAttributes, fillValue, sources, steps, encoding);
  }

  public Variable withDtype(DType newType, Number newFill) {
    return new Variable(name, newType, dims, attributes, newFill, sources, steps, encoding);
  }

  /** A copy stored as {@code newEncoding} says (null: decoded values as they are). */
  public Variable withEncoding(VariableEncoding newEncoding) {
    return new Variable(name, dtype, dims, attributes, fillValue, sources, steps, newEncoding);
  }

  /** A copy without its encoding, for steps whose values the stored form cannot hold. */
  public Variable withoutEncoding() {
    return withEncoding(null);
  }

  /**
   * A copy for a step that computes new values: a packed or type-changing encoding cannot hold them
   * and is dropped (the decoded type is written); an encoding that only maps NaN to {@code
   * _FillValue}/{@code missing_value} is kept.
   */
  public Variable withNewValues() {
    if (encoding == null || (!encoding.isPacked() && encoding.stored() == encoding.decoded())) {
      return this;
    }
    return withoutEncoding();
  }

  /** A copy that records step {@code index} as having changed it. */
  public Variable touchedBy(int index) {
    if (steps.contains(index)) {
      return this;
    }
    List<Integer> s = new java.util.ArrayList<>(steps);
    s.add(index);
    return new Variable(name, dtype, dims, attributes, fillValue, sources, s, encoding);
  }
}
