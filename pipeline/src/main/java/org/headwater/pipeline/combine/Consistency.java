package org.headwater.pipeline.combine;

import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;

/** The checks that files fit together; failures name both files and what differs. */
final class Consistency {
  private Consistency() {}

  static void checkDimensions(FileHeader a, FileHeader b, String concatDim, boolean isNew) {
    for (Dimension d : a.schema().dimensions()) {
      if (d.name().equals(concatDim) && !isNew) {
        continue;
      }
      b.schema()
          .findDimension(d.name())
          .filter(o -> o.length() != d.length())
          .ifPresent(
              o -> {
                throw differ(a, b, "dimension '" + d.name() + "' has length " + d.length()
                    + " in the first and " + o.length() + " in the second");
              });
    }
  }

  static void checkVariable(FileHeader a, FileHeader b, String name, String concatDim, boolean isNew) {
    Variable va = a.schema().variable(name);
    Variable vb = b.schema().variable(name);
    if (va.dtype() != vb.dtype()) {
      throw differ(a, b, "variable '" + name + "' is " + va.dtype().numpyName() + " in the first and "
          + vb.dtype().numpyName() + " in the second");
    }
    if (!va.dims().equals(vb.dims())) {
      throw differ(a, b, "variable '" + name + "' has dimensions " + va.dims() + " in the first and "
          + vb.dims() + " in the second");
    }
    String ha = a.valueHashes().get(name);
    String hb = b.valueHashes().get(name);
    if (ha != null && hb != null && !ha.equals(hb)) {
      throw differ(a, b, "the values of '" + name + "' differ (the grids or coordinates are not"
          + " the same)");
    }
  }

  private static SourceException differ(FileHeader a, FileHeader b, String what) {
    return new SourceException(
        "cannot combine " + a.item().url() + " and " + b.item().url() + ": " + what
            + "; combine only files on the same grid (or subset/regrid them first)");
  }
}
