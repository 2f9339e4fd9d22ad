package org.headwater.pipeline.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * {@code derive_column}: adds a variable {@code name} computed from an {@link Expression} over
 * other variables of the same dimensions (a table's columns, or grids), e.g. {@code expression:
 * "-mass / 361.8"}. {@code units} and {@code long_name} set its attributes; {@code dtype} (float64
 * or float32, default float64) its type. Missing values (NaN, or an integer column's fill value)
 * propagate. Its lineage lists the variables the expression uses.
 */
final class DeriveColumn {
  static final StepType TYPE =
      new StepType(
          "derive_column",
          Set.of("name", "expression", "units", "long_name", "dtype"),
          Set.of("name", "expression"),
          p -> {
            Expression e;
            try {
              e = Expression.parse(p.string("expression", ""));
            } catch (IllegalArgumentException x) {
              throw p.bad("expression", "an arithmetic expression: " + x.getMessage(), "");
            }
            if (e.names().isEmpty()) {
              throw p.bad("expression", "an expression that uses at least one column", e);
            }
            DType t = DType.parse(p.string("dtype", "float64"));
            if (!t.isFloatingPoint()) {
              throw p.bad("dtype", "float32 or float64", t.numpyName());
            }
            String name = p.string("name", null);
            String units = p.string("units", null);
            String longName = p.string("long_name", null);
            return (input, index) -> apply(input, index, name, e, t, units, longName);
          });

  private DeriveColumn() {}

  static Dataset apply(Dataset input, int index, String name, Expression e, DType type,
      String units, String longName) {
    DatasetSchema in = input.schema();
    if (in.findVariable(name).isPresent()) {
      throw new StepException("a variable '" + name + "' exists already; choose another name or"
          + " drop it first");
    }
    List<Variable> used = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    for (String n : e.names()) {
      Variable v = StepSupport.numeric(in, n, "derive_column");
      if (!used.isEmpty() && !used.get(0).dims().equals(v.dims())) {
        throw new StepException("'" + n + "' has dimensions " + v.dims() + " but '"
            + used.get(0).name() + "' has " + used.get(0).dims() + "; an expression combines"
            + " variables of the same dimensions");
      }
      used.add(v);
      sources.addAll(v.sources());
    }
    List<Attribute> attrs = new ArrayList<>();
    if (longName != null) {
      attrs.add(Attribute.text("long_name", longName));
    }
    if (units != null) {
      attrs.add(Attribute.text("units", units));
    }
    attrs.add(Attribute.text("comment", "derived by Headwater: " + e));
    Variable nv = new Variable(name, type, used.get(0).dims(), attrs,
        MappedDataset.cast(Double.NaN, type), List.copyOf(sources), List.of(index));
    List<Variable> vars = new ArrayList<>(in.variables());
    vars.add(nv);
    return new MappedDataset(input, in.withVariables(vars), java.util.Map.of(name,
        (d, var, origin, shape) -> {
          Array[] cols = new Array[used.size()];
          for (int k = 0; k < cols.length; k++) {
            cols[k] = d.read(used.get(k).name(), origin, shape);
          }
          Array out = Array.factory(type.dataType(), shape);
          IndexIterator o = out.getIndexIterator();
          double[] row = new double[cols.length];
          for (int i = 0; o.hasNext(); i++) {
            for (int k = 0; k < cols.length; k++) {
              row[k] = value(used.get(k), cols[k].getDouble(i));
            }
            o.setDoubleNext(e.eval(row));
          }
          return out;
        }));
  }

  /** A decoded value with an integer variable's fill value as NaN. */
  static double value(Variable v, double x) {
    return v.dtype().isIntegral() && v.fillValue() != null && x == v.fillValue().doubleValue()
        ? Double.NaN : x;
  }

  /** A whole one-dimensional column as doubles, missing values as NaN. */
  static double[] values(Dataset d, Variable v) {
    try {
      Array a = d.readAll(v.name());
      double[] out = new double[(int) a.getSize()];
      for (int i = 0; i < out.length; i++) {
        out[i] = value(v, a.getDouble(i));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
