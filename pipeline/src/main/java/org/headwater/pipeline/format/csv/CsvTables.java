package org.headwater.pipeline.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.combine.Combined;
import org.headwater.pipeline.combine.Part;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.internal.Closing;
import org.headwater.pipeline.recipe.SourceSpec;
import ucar.ma2.Array;

/**
 * A CSV source's files as one table: one file as it is, several files (a URL template with a concat
 * dimension) one after another along the row dimension. Every file must have the same columns.
 */
public final class CsvTables implements Dataset {
  private final DatasetSchema schema;
  private final List<CsvSource> parts;
  private final int[] offsets;

  private CsvTables(DatasetSchema schema, List<CsvSource> parts, int[] offsets) {
    this.schema = schema;
    this.parts = parts;
    this.offsets = offsets;
  }

  /** Opens a planned CSV source's files with the source's options. */
  public static Dataset open(SourceSpec source, Combined combined) {
    List<Part> files = combined.layout().parts();
    List<CsvSource> tables = new ArrayList<>();
    for (Part p : files) {
      tables.add(CsvSource.open(Path.of(p.local()), p.url(), CsvOptions.of(source.options(), p.url())));
    }
    if (tables.size() == 1) {
      return tables.get(0);
    }
    if (combined.layout().newDim()) {
      throw new SourceException("source '" + source.name() + "': CSV files combine along their"
          + " rows only; drop 'new: true' and concatenate along '"
          + tables.get(0).schema().dimensions().get(0).name() + "'");
    }
    DatasetSchema first = tables.get(0).schema();
    int[] offsets = new int[tables.size() + 1];
    for (int i = 0; i < tables.size(); i++) {
      DatasetSchema s = tables.get(i).schema();
      List<String> a = first.variables().stream().map(v -> v.name() + ":" + v.dtype()).toList();
      List<String> b = s.variables().stream().map(v -> v.name() + ":" + v.dtype()).toList();
      if (!a.equals(b)) {
        throw new SourceException(files.get(i).url() + " has columns " + b + " but "
            + files.get(0).url() + " has " + a + "; declare the same columns and types");
      }
      offsets[i + 1] = offsets[i] + s.dimensions().get(0).length();
    }
    Dimension row = new Dimension(first.dimensions().get(0).name(), offsets[tables.size()]);
    return new CsvTables(new DatasetSchema(List.of(row), first.variables(), first.attributes()),
        tables, offsets);
  }

  /** The column type report of a CSV dataset ({@link CsvSource#report()}), or an empty map. */
  public static java.util.Map<String, String> report(Dataset d) {
    if (d instanceof CsvSource c) {
      return c.report();
    }
    return d instanceof CsvTables t ? t.parts.get(0).report() : java.util.Map.of();
  }

  @Override
  public DatasetSchema schema() {
    return schema;
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    Variable v = schema.variable(variable);
    Array out = Array.factory(v.dtype().dataType(), shape);
    int from = origin[0];
    int end = origin[0] + shape[0];
    int i = 0;
    for (int p = 0; p < parts.size() && from < end; p++) {
      if (offsets[p + 1] <= from) {
        continue;
      }
      int n = Math.min(end, offsets[p + 1]) - from;
      // one range per file: a CsvSource parses it once for all columns
      Array piece = parts.get(p).read(variable, new int[] {from - offsets[p]}, new int[] {n});
      for (int k = 0; k < n; k++, i++) {
        out.setObject(i, piece.getObject(k));
      }
      from += n;
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    Closing.all(parts);
  }
}
