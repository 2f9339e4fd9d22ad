package org.headwater.pipeline.format.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.OutputException;
import org.headwater.provenance.record.VariableRecord;
import ucar.ma2.Array;

/**
 * Writes a table (every variable one-dimensional on the same dimension) as CSV with a header line
 * (TSV for {@code .tsv} paths, gzip for {@code .gz}), and beside it {@code NAME.columns.json}: each
 * column's name, type, dimension (the table's one dimension, as in a Zarr or NetCDF output of the
 * same data), units, description and missing-value code, for EML attribute lists.
 * Missing values are written as the column's fill value when it is a number (e.g. {@code -9999}),
 * otherwise as an empty field.
 */
public final class CsvOutput {
  /** Rows read per slab. */
  static final int SLAB = 65_536;

  private CsvOutput() {}

  /** Checks that the dataset is a table. */
  public static void check(DatasetSchema s, String output) {
    String dim = null;
    for (Variable v : s.variables()) {
      if (v.dims().size() != 1 || (dim != null && !dim.equals(v.dims().get(0)))) {
        throw new OutputException("output '" + output + "': CSV outputs hold one table of"
            + " one-dimensional columns, but '" + v.name() + "' has dimensions " + v.dims()
            + "; choose columns with select_columns or write zarr/netcdf");
      }
      dim = v.dims().get(0);
    }
  }

  public static void write(Dataset data, String output, Path file) throws IOException {
    DatasetSchema s = data.schema();
    check(s, output);
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    char delim = name.replaceAll("\\.gz$", "").endsWith(".tsv") ? '\t' : ',';
    int n = s.variables().isEmpty() ? 0 : s.shape(s.variables().get(0))[0];
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream os = name.endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
      List<String> header = new ArrayList<>();
      s.variables().forEach(v -> header.add(quote(v.name(), delim)));
      w.write(String.join(String.valueOf(delim), header));
      w.write('\n');
      for (int start = 0; start < n; start += SLAB) {
        int len = Math.min(SLAB, n - start);
        List<Array> cols = new ArrayList<>();
        for (Variable v : s.variables()) {
          cols.add(data.read(v.name(), new int[] {start}, new int[] {len}));
        }
        for (int i = 0; i < len; i++) {
          for (int c = 0; c < cols.size(); c++) {
            if (c > 0) {
              w.write(delim);
            }
            w.write(cell(s.variables().get(c), cols.get(c), i, delim));
          }
          w.write('\n');
        }
      }
    }
    writeColumns(s, columnsFile(file));
  }

  /** The column description file beside a CSV file. */
  public static Path columnsFile(Path csv) {
    String stem = csv.getFileName().toString().replaceAll("\\.gz$", "").replaceAll("\\.(csv|tsv)$", "");
    return csv.resolveSibling(stem + ".columns.json");
  }

  /** The columns as the run record describes them (with the missing code actually written). */
  public static List<VariableRecord> describe(DatasetSchema s) {
    List<VariableRecord> out = new ArrayList<>();
    for (Variable v : s.variables()) {
      String desc = v.attributeText("long_name");
      out.add(new VariableRecord(v.name(), v.dtype().numpyName(), v.dims(),
          v.attributeText("units"), desc == null ? v.attributeText("standard_name") : desc,
          missingCode(v), v.sources(),
          org.headwater.pipeline.recipe.StepSpec.numbers(v.steps())));
    }
    return out;
  }

  static void writeColumns(DatasetSchema s, Path file) throws IOException {
    List<Map<String, Object>> cols = new ArrayList<>();
    for (VariableRecord r : describe(s)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("type", r.dtype());
      m.put("dimensions", r.dimensions());
      m.put("units", r.units());
      m.put("description", r.description());
      m.put("missingValue", r.missingValue());
      cols.add(m);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), Map.of("columns", cols));
  }

  /** The text written for a missing value of a column. */
  static String missingCode(Variable v) {
    Number f = v.fillValue();
    if (f == null || Double.isNaN(f.doubleValue())) {
      return "";
    }
    return number(f.doubleValue(), v);
  }

  private static String cell(Variable v, Array a, int i, char delim) {
    if (!v.dtype().isNumeric()) {
      Object o = a.getObject(i);
      return quote(o == null ? "" : o.toString(), delim);
    }
    double x = a.getDouble(i);
    if (Double.isNaN(x) || (v.dtype().isIntegral() && v.fillValue() != null
        && x == v.fillValue().doubleValue())) {
      return missingCode(v);
    }
    return v.dtype().isIntegral() ? Long.toString(a.getLong(i)) : number(x, v);
  }

  private static String number(double x, Variable v) {
    if (v.dtype().isIntegral() || (x == Math.rint(x) && Math.abs(x) < 1e15)) {
      return Long.toString((long) x);
    }
    return v.dtype() == org.headwater.pipeline.dataset.DType.FLOAT32
        ? Float.toString((float) x) : Double.toString(x);
  }

  static String quote(String s, char delim) {
    if (s.indexOf(delim) < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
