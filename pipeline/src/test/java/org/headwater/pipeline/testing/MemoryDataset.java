package org.headwater.pipeline.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;

/** A small dataset held in memory, built fluently, for step tests. */
public final class MemoryDataset implements Dataset {
  private final List<Dimension> dims = new ArrayList<>();
  private final List<Variable> vars = new ArrayList<>();
  private final List<Attribute> globals = new ArrayList<>();
  private final Map<String, Array> data = new LinkedHashMap<>();

  public MemoryDataset dim(String name, int length) {
    dims.add(new Dimension(name, length));
    return this;
  }

  /** Adds a variable with values in row-major order; attributes as name, value pairs. */
  public MemoryDataset var(String name, DType type, List<String> vdims, double[] values,
      Number fill, Object... attrs) {
    List<Attribute> a = new ArrayList<>();
    for (int i = 0; i < attrs.length; i += 2) {
      a.add(Attribute.fromJson((String) attrs[i], attrs[i + 1]));
    }
    vars.add(new Variable(name, type, vdims, a, fill, List.of(name), List.of()));
    int[] shape = vdims.stream().mapToInt(d -> length(d)).toArray();
    Array arr = Array.factory(type.dataType(), shape);
    for (int i = 0; i < values.length; i++) {
      arr.setDouble(i, values[i]);
    }
    data.put(name, arr);
    return this;
  }

  public MemoryDataset global(String name, Object value) {
    globals.add(Attribute.fromJson(name, value));
    return this;
  }

  private int length(String dim) {
    return dims.stream().filter(d -> d.name().equals(dim)).findFirst().orElseThrow().length();
  }

  @Override
  public DatasetSchema schema() {
    return new DatasetSchema(dims, vars, globals);
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) {
    try {
      return data.get(variable).section(origin, shape).copy();
    } catch (InvalidRangeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A grid: y(3) x(4) coordinates and a float32 variable {@code v} = 10*j + i with units m. */
  public static MemoryDataset grid() {
    double[] v = new double[12];
    for (int k = 0; k < 12; k++) {
      v[k] = 10 * (k / 4) + k % 4;
    }
    return new MemoryDataset().dim("y", 3).dim("x", 4)
        .var("y", DType.FLOAT64, List.of("y"), new double[] {0, 100, 200}, null, "units", "m")
        .var("x", DType.FLOAT64, List.of("x"), new double[] {0, 100, 200, 300}, null, "units", "m")
        .var("v", DType.FLOAT32, List.of("y", "x"), v, Float.NaN, "units", "m");
  }
}
