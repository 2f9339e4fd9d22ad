package org.headwater.pipeline.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * NaN in floating-point columns and the numeric missing code in integer columns, and a column
 * whose every cell is missing is inferred as float64, all NaN.
 *
 * <p>Memory stays bounded: {@link #open} reads the file once, cell by cell, to find the types and
 * every error; {@link #read} then parses only the rows asked for, continuing from where the last
 * read stopped when it can (chunked writers read forward) and keeping the last block of rows, all
 * columns, so that reading the other columns of the same rows costs nothing more.
 */
public final class CsvSource implements Dataset {
  private static final Pattern UNITS = Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]+)[)\\]]\\s*$");

  private final Path file;
  private final String label;
  private final CsvOptions options;
  private final DatasetSchema schema;
  private final Map<String, String> report;
  private CsvParser cursor;
  private int cursorRow;
  private Block block;

  /** Parsed rows {@code [start, start + length)} of every column. */
  private record Block(int start, int length, Map<String, Array> columns) {
    boolean covers(int from, int n) {
      return from >= start && from + n <= start + length;
    }
  }

  private CsvSource(Path file, String label, CsvOptions options, DatasetSchema schema,
      Map<String, String> report) {
    this.file = file;
    this.label = label;
    this.options = options;
    this.schema = schema;
    this.report = report;
  }

  /**
   * Opens a CSV file: reads it once to check it and find its columns' types.
   *
   * @param file the local file
   * @param label its URL, for messages
   * @param options how to read it
   * @throws SourceException naming the file, line and column of a cell that does not fit
   */
  public static CsvSource open(Path file, String label, CsvOptions options) {
    List<String> header;
    Columns.Inference[] columns;
    int n = 0;
    try (CsvParser p = CsvParser.open(file, options.delimiter(), options.comment())) {
      List<String> first = p.next();
      if (first == null) {
        throw new SourceException(label + " has no header line; a CSV source needs column names");
      }
      header = first.stream().map(String::trim).toList();
      checkHeader(header, label, options);
      columns = new Columns.Inference[header.size()];
      for (int c = 0; c < header.size(); c++) {
        columns[c] = new Columns.Inference(header.get(c), options.columns().get(header.get(c)), options, label);
      }
      for (List<String> row = p.next(); row != null; row = p.next(), n++) {
        if (row.size() != header.size()) {
          throw new SourceException(label + ": data line " + (n + 1) + " has " + row.size()
              + " fields but the header has " + header.size() + "; check the delimiter");
        }
        for (int c = 0; c < columns.length; c++) {
          columns[c].accept(row.get(c).trim(), n);
        }
      }
    } catch (IOException e) {
      throw new SourceException(label + " is not a readable CSV file (" + e.getMessage() + ")", e);
    }
    String dim = options.dimension();
    List<Variable> vars = new ArrayList<>();
    Map<String, String> report = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      DType type = columns[c].type();
      report.put(name, type.numpyName() + (options.columns().containsKey(name) ? " (declared)" : " (inferred)")
          + ", " + columns[c].missing() + " missing");
      List<Attribute> attrs = new ArrayList<>();
      Matcher m = UNITS.matcher(name);
      if (m.matches() && !m.group(1).isEmpty()) {
        attrs.add(Attribute.text("long_name", m.group(1)));
        attrs.add(Attribute.text("units", m.group(2).trim()));
      }
      vars.add(new Variable(name, type, List.of(dim), attrs, Columns.fill(type, options), List.of(name),
          List.of()));
    }
    DatasetSchema schema = new DatasetSchema(List.of(new Dimension(dim, n)), vars, List.of());
    return new CsvSource(file, label, options, schema, report);
  }

  private static void checkHeader(List<String> header, String label, CsvOptions options) {
    for (String declared : options.columns().keySet()) {
      if (!header.contains(declared)) {
        throw new SourceException(label + ": declared column '" + declared + "' is not in the"
            + " header " + header);
      }
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      if (name.isEmpty() || !seen.add(name)) {
        throw new SourceException(label + ": column " + (c + 1) + " has an empty or repeated"
            + " name '" + name + "'; CSV sources need a unique name for every column");
      }
    }
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
  public synchronized Array read(String variable, int[] origin, int[] shape) throws IOException {
    schema.variable(variable);
    int rows = schema.dimensions().get(0).length();
    if (origin.length != 1 || shape.length != 1 || origin[0] < 0 || shape[0] < 0 || origin[0] + shape[0] > rows) {
      throw new IllegalArgumentException("region outside column '" + variable + "': origin "
          + java.util.Arrays.toString(origin) + ", shape " + java.util.Arrays.toString(shape) + " of " + rows + " rows");
    }
    if (block == null || !block.covers(origin[0], shape[0])) {
      try {
        block = readBlock(origin[0], shape[0]);
      } catch (IOException | RuntimeException e) {
        block = null;
        try {
          closeCursor(); // its position is unknown now: the next read starts from the top
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
    try {
      return block.columns().get(variable).sectionNoReduce(new int[] {origin[0] - block.start()}, shape, null).copy();
    } catch (InvalidRangeException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses rows {@code [start, start + n)}, from where the cursor is or from the top. */
  private Block readBlock(int start, int n) throws IOException {
    if (cursor == null || cursorRow > start) {
      closeCursor();
      cursor = CsvParser.open(file, options.delimiter(), options.comment());
      if (cursor.next() == null) {
        throw new IOException(label + " changed while it was read: its header is gone");
      }
      cursorRow = 0;
    }
    for (; cursorRow < start; cursorRow++) {
      requireRow(cursor.next());
    }
    List<Variable> vars = schema.variables();
    String[][] cells = new String[vars.size()][n];
    for (int i = 0; i < n; i++, cursorRow++) {
      List<String> row = requireRow(cursor.next());
      for (int c = 0; c < vars.size(); c++) {
        cells[c][i] = row.get(c).trim();
      }
    }
    if (cursorRow == schema.dimensions().get(0).length()) {
      closeCursor();
    }
    Map<String, Array> columns = new HashMap<>();
    for (int c = 0; c < vars.size(); c++) {
      Variable v = vars.get(c);
      columns.put(v.name(), Columns.values(v.name(), cells[c], start, v.dtype(), options, label));
    }
    return new Block(start, n, columns);
  }

  private List<String> requireRow(List<String> row) throws IOException {
    if (row == null || row.size() != schema.variables().size()) {
      throw new IOException(label + " changed while it was read (data line " + (cursorRow + 1)
          + "); fetch it again");
    }
    return row;
  }

  @Override
  public synchronized void close() throws IOException {
    block = null;
    closeCursor();
  }

  private void closeCursor() throws IOException {
    if (cursor != null) {
      CsvParser c = cursor;
      cursor = null;
      c.close();
    }
  }
}
