package org.headwater.pipeline.output;

import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/** Turns decoded values back into stored values: NaN becomes the variable's fill value. */
public final class Encoding {
  private Encoding() {}

  /** The array with NaN replaced by a finite fill value (in place when possible). */
  public static Array fillMissing(Variable v, Array data) {
    if (!v.dtype().isFloatingPoint() || v.fillValue() == null) {
      return data;
    }
    double fill = v.fillValue().doubleValue();
    if (Double.isNaN(fill)) {
      return data;
    }
    Array out = data.copy();
    IndexIterator it = out.getIndexIterator();
    while (it.hasNext()) {
      double x = it.getDoubleNext();
      if (Double.isNaN(x)) {
        it.setDoubleCurrent(fill);
      }
    }
    return out;
  }
}
