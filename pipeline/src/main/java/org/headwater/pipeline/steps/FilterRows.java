package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;

/**
 * {@code filter_rows}: keeps the rows of a table where {@code where} (an {@link Expression} over
 * the columns, e.g. {@code "Year >= 2003 and not isnan(mass)"}) is true. Every variable on the
 * row dimension must be one-dimensional. Keeping no row is an error.
 */
final class FilterRows {
  static final StepType TYPE =
      new StepType(
          "filter_rows",
          Set.of("where"),
          Set.of("where"),
          p -> {
            Expression e;
            try {
              e = Expression.parse(p.string("where", ""));
            } catch (IllegalArgumentException x) {
              throw p.bad("where", "an expression over columns: " + x.getMessage(), "");
            }
            if (e.names().isEmpty()) {
              throw p.bad("where", "an expression that names at least one column", e);
            }
            return (input, index) -> apply(input, index, e);
          });

  private FilterRows() {}

  static Dataset apply(Dataset input, int index, Expression e) {
    DatasetSchema in = input.schema();
    double[][] cols = new double[e.names().size()][];
    String dim = null;
    for (int k = 0; k < cols.length; k++) {
      Variable v = StepSupport.numeric(in, e.names().get(k), "filter_rows");
      if (v.dims().size() != 1 || (dim != null && !dim.equals(v.dims().get(0)))) {
        throw new StepException("column '" + v.name() + "' has dimensions " + v.dims()
            + "; filter_rows needs one-dimensional columns of one table");
      }
      dim = v.dims().get(0);
      cols[k] = DeriveColumn.values(input, v);
    }
    int n = in.dimensionLength(dim);
    List<Integer> kept = new ArrayList<>();
    double[] row = new double[cols.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < cols.length; k++) {
        row[k] = cols[k][i];
      }
      if (Expression.truthy(e.eval(row))) {
        kept.add(i);
      }
    }
    if (kept.isEmpty()) {
      throw new StepException("'" + e + "' keeps none of the " + n + " rows; check the condition"
          + " against the data");
    }
    String rowDim = dim;
    List<Variable> vars = new ArrayList<>();
    for (Variable v : in.variables()) {
      if (v.dims().contains(rowDim) && v.dims().size() != 1) {
        throw new StepException("variable '" + v.name() + "' has dimensions " + v.dims()
            + "; filter_rows works on tables of one-dimensional columns");
      }
      vars.add(v.dims().contains(rowDim) ? v.touchedBy(index) : v);
    }
    List<Dimension> dims = in.dimensions().stream()
        .map(d -> d.name().equals(rowDim) ? new Dimension(rowDim, kept.size()) : d).toList();
    int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
    return new DerivedDataset(input, new DatasetSchema(dims, vars, in.attributes())) {
      @Override
      public Array read(String variable, int[] origin, int[] shape) throws IOException {
        Variable v = schema().variable(variable);
        if (!v.dims().contains(rowDim)) {
          return input.read(variable, origin, shape);
        }
        int first = rows[origin[0]];
        int last = rows[origin[0] + shape[0] - 1];
        Array a = input.read(variable, new int[] {first}, new int[] {last - first + 1});
        Array out = Array.factory(a.getDataType(), shape);
        for (int i = 0; i < shape[0]; i++) {
          out.setObject(i, a.getObject(rows[origin[0] + i] - first));
        }
        return out;
      }
    };
  }
}
