package org.headwater.pipeline.geo;

import java.util.function.UnaryOperator;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/** SIS math transforms as plain functions on {x, y} points. */
public final class Transforms {
  private Transforms() {}

  /** The transform as a function; a point it cannot transform becomes {NaN, NaN}. */
  public static UnaryOperator<double[]> operator(MathTransform mt) {
    return p -> {
      double[] out = new double[2];
      try {
        mt.transform(p, 0, out, 0, 1);
      } catch (TransformException e) {
        out[0] = Double.NaN;
        out[1] = Double.NaN;
      }
      return out;
    };
  }

  /** Transforms {@code n} interleaved x/y points in place; failures become NaN. */
  public static void transform(MathTransform mt, double[] xy, int n) {
    try {
      mt.transform(xy, 0, xy, 0, n);
    } catch (TransformException e) {
      for (int i = 0; i < n; i++) {
        double[] p = {xy[2 * i], xy[2 * i + 1]};
        double[] q = operator(mt).apply(p);
        xy[2 * i] = q[0];
        xy[2 * i + 1] = q[1];
      }
    }
  }
}
