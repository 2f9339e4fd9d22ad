package org.headwater.pipeline.combine;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * How files combine into one dataset.
 *
 * @param concatDim the concat dimension, or null
 * @param newDim whether the concat dimension is new (added in front of concatenated variables)
 * @param concatenated the variables that span the concat dimension
 * @param newDimValues coordinate values of a new concat dimension (numbers), else empty
 * @param parts the files, ordered along the concat dimension
 * @param concatValues the values of an existing concat dimension's coordinate variable, all files
 *     joined, or null (no such variable, or too many values): reads of it then open every file
 */
public record Layout(
    String concatDim,
    boolean newDim,
    Set<String> concatenated,
    List<Number> newDimValues,
    List<Part> parts,
    CoordinateValues concatValues)
    implements Serializable {
  public Layout {
    concatenated = Set.copyOf(concatenated);
    newDimValues = List.copyOf(newDimValues);
    parts = List.copyOf(parts);
  }
}
