package org.headwater.pipeline.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;

/**
 * A CSV or TSV file (gzip read transparently) as a dataset: one dimension ({@code row}) and one
 * variable per column, named exactly as the header names it. A header such as {@code Mass (Gt)}
 * or {@code Mass [Gt]} also gives the column {@code units} ({@code Gt}) and {@code long_name}
 * ({@code Mass}). Types are declared or inferred ({@link #report()} says which); missing cells are
 * NaN in floating-point columns and the numeric missing code in integer columns. Tables are held in
 * memory: CSV sources are meant for series and tables, not grids.
 */
public final class CsvSource implements Dataset {
  private static final Pattern UNITS = Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]+)[)\\]]\\s*$");

  private final DatasetSchema schema;
  private final Map<String, Array> columns;
  private final Map<String, String> report;

  private CsvSource(DatasetSchema schema, Map<String, Array> columns, Map<String, String> report) {
    this.schema = schema;
    this.columns = columns;
    this.report = report;
  }

  /**
   * Reads a CSV file.
   *
   * @param file the local file
   * @param label its URL, for messages
   * @param options how to read it
   * @throws SourceException naming the file, line and column of a cell that does not fit
   */
  public static CsvSource open(Path file, String label, CsvOptions options) {
    List<List<String>> rows;
    try {
      rows = CsvParser.read(file, options.delimiter(), options.comment());
    } catch (IOException e) {
      throw new SourceException(label + " is not a readable CSV file (" + e.getMessage() + ")", e);
    }
    if (rows.isEmpty()) {
      throw new SourceException(label + " has no header line; a CSV source needs column names");
    }
    List<String> header = rows.get(0).stream().map(String::trim).toList();
    for (String declared : options.columns().keySet()) {
      if (!header.contains(declared)) {
        throw new SourceException(label + ": declared column '" + declared + "' is not in the"
            + " header " + header);
      }
    }
    int n = rows.size() - 1;
    String dim = options.dimension();
    List<Variable> vars = new ArrayList<>();
    Map<String, Array> cols = new LinkedHashMap<>();
    Map<String, String> report = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      if (name.isEmpty() || cols.containsKey(name)) {
        throw new SourceException(label + ": column " + (c + 1) + " has an empty or repeated"
            + " name '" + name + "'; CSV sources need a unique name for every column");
      }
      String[] cells = new String[n];
      for (int r = 0; r < n; r++) {
        List<String> row = rows.get(r + 1);
        if (row.size() != header.size()) {
          throw new SourceException(label + ": data line " + (r + 1) + " has " + row.size()
              + " fields but the header has " + header.size() + "; check the delimiter");
        }
        cells[r] = row.get(c).trim();
      }
      DType declared = options.columns().get(name);
      Columns.Column col = Columns.convert(name, cells, declared, options, label);
      report.put(name, col.type().numpyName() + (declared == null ? " (inferred)" : " (declared)")
          + ", " + col.missing() + " missing");
      cols.put(name, col.values());
      List<Attribute> attrs = new ArrayList<>();
      Matcher m = UNITS.matcher(name);
      if (m.matches() && !m.group(1).isEmpty()) {
        attrs.add(Attribute.text("long_name", m.group(1)));
        attrs.add(Attribute.text("units", m.group(2).trim()));
      }
      vars.add(new Variable(name, col.type(), List.of(dim), attrs, col.fill(), List.of(name),
          List.of()));
    }
    DatasetSchema schema = new DatasetSchema(List.of(new Dimension(dim, n)), vars, List.of());
    return new CsvSource(schema, cols, report);
  }

  /** Each column's type, whether declared or inferred, and its count of missing cells. */
  public Map<String, String> report() {
    return Map.copyOf(report);
  }

  @Override
  public DatasetSchema schema() {
    return schema;
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    schema.variable(variable);
    try {
      return columns.get(variable).section(origin, shape).copy();
    } catch (InvalidRangeException e) {
      throw new IllegalArgumentException("region outside column '" + variable + "': "
          + e.getMessage(), e);
    }
  }
}
