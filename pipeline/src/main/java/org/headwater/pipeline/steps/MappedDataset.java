package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * A derived dataset whose listed variables are computed region by region from the input; the
 * other variables are read through unchanged.
 */
final class MappedDataset extends DerivedDataset {
  /** Computes one region of a variable from the input dataset. */
  @FunctionalInterface
  interface Region {
    Array read(Dataset input, String variable, int[] origin, int[] shape) throws IOException;
  }

  private final Map<String, Region> regions;

  MappedDataset(Dataset input, DatasetSchema schema, Map<String, Region> regions) {
    super(input, schema);
    this.regions = Map.copyOf(regions);
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    Region r = regions.get(variable);
    if (r == null) {
      return super.read(variable, origin, shape);
    }
    schema().variable(variable);
    return r.read(input, variable, origin, shape);
  }

  /** A region function that maps each value of the input variable. */
  static Region elementwise(DType out, DoubleUnaryOperator f) {
    return (in, name, origin, shape) -> map(in.read(name, origin, shape), out, f);
  }

  /** Maps every value of {@code a} into a new array of type {@code out} (integers rounded). */
  static Array map(Array a, DType out, DoubleUnaryOperator f) {
    Array result = Array.factory(out.dataType(), a.getShape());
    IndexIterator in = a.getIndexIterator();
    IndexIterator o = result.getIndexIterator();
    boolean integral = out.isIntegral();
    while (in.hasNext()) {
      double x = f.applyAsDouble(in.getDoubleNext());
      if (integral) {
        o.setLongNext((long) Math.rint(x));
      } else {
        o.setDoubleNext(x);
      }
    }
    return result;
  }

  /** The value range a type can hold, as {min, max}. */
  static double[] range(DType t) {
    switch (t) {
      case INT8:
        return new double[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case UINT8:
        return new double[] {0, 255};
      case INT16:
        return new double[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case UINT16:
        return new double[] {0, 65535};
      case INT32:
        return new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case UINT32:
        return new double[] {0, 4294967295.0};
      case INT64:
        return new double[] {Long.MIN_VALUE, Long.MAX_VALUE};
      case UINT64:
        return new double[] {0, 1.8446744073709552E19};
      case FLOAT32:
        return new double[] {-Float.MAX_VALUE, Float.MAX_VALUE};
      default:
        return new double[] {-Double.MAX_VALUE, Double.MAX_VALUE};
    }
  }

  /** The netCDF default fill value of a type (as ncdump and xarray know it). */
  static Number defaultFill(DType t) {
    switch (t) {
      case INT8:
        return (byte) -127;
      case UINT8:
        return (byte) 255;
      case INT16:
        return (short) -32767;
      case UINT16:
        return (short) 65535;
      case INT32:
        return -2147483647;
      case UINT32:
        return (int) 4294967295L;
      case INT64:
        return -9223372036854775806L;
      case UINT64:
        return -2L;
      case FLOAT32:
        return Float.NaN;
      default:
        return Double.NaN;
    }
  }

  /** {@code n} as the Java number type that holds {@code t} (see {@link DType#cast}). */
  static Number cast(Number n, DType t) {
    return t.cast(n);
  }

}
