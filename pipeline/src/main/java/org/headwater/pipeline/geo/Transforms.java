package org.headwater.pipeline.geo;

import java.util.function.UnaryOperator;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/** SIS math transforms as plain functions on {x, y} points. */
public final class Transforms {
  private Transforms() {}

  /**
   * The transform as a function; a point it cannot transform (outside the projection's domain)
   * becomes {NaN, NaN}, which callers treat as "no such point".
   */
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

  /**
   * Transforms {@code n} interleaved x/y points in place; a point outside the transform's domain
   * (a pole, the far side of a projection) becomes NaN, like PROJ's HUGE_VAL, and the others are
   * transformed one by one from a copy of the input.
   */
  public static void transform(MathTransform mt, double[] xy, int n) {
    double[] in = xy.clone();
    try {
      mt.transform(in, 0, xy, 0, n);
    } catch (TransformException e) {
      UnaryOperator<double[]> one = operator(mt);
      for (int i = 0; i < n; i++) {
        double[] q = one.apply(new double[] {in[2 * i], in[2 * i + 1]});
        xy[2 * i] = q[0];
        xy[2 * i + 1] = q[1];
      }
    }
  }
}
