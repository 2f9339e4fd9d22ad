package org.headwater.pipeline.dataset;

import java.io.Serializable;
import java.util.Objects;

/**
 * A named dimension and its length.
 *
 * @param name the dimension name
 * @param length the number of positions, at least 1
 */
public record Dimension(String name, int length) implements Serializable {
  public Dimension {
    Objects.requireNonNull(name, "name");
    if (length < 0) {
      throw new IllegalArgumentException("dimension '" + name + "' length < 0: " + length);
    }
  }
}
