package org.headwater.pipeline.recipe;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A dimension of a source's URL template, pangeo-forge style.
 *
 * @param name the placeholder name in the URL template, and for concat dimensions the dataset
 *     dimension the files are combined along
 * @param kind {@link Kind#CONCAT}: each key is a slice along a dimension; {@link Kind#MERGE}: each
 *     key holds different variables
 * @param keys the values substituted into the template, in order
 * @param newDimension for a concat dimension: whether the dimension is new (e.g. an ensemble
 *     {@code member}) rather than one the files already have (e.g. {@code time})
 */
public record DimensionSpec(String name, Kind kind, List<String> keys, boolean newDimension)
    implements Serializable {

  /** How the files along a dimension combine. */
  public enum Kind {
    CONCAT,
    MERGE
  }

  public DimensionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    keys = List.copyOf(keys);
  }
}
