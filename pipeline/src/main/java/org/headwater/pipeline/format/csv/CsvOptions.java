package org.headwater.pipeline.format.csv;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.DType;

/**
 * How to read a CSV or TSV source, from the source's {@code options}:
 *
 * <ul>
 *   <li>{@code delimiter}: one character (default {@code ,}; tab for {@code .tsv} files);
 *   <li>{@code comment}: lines starting with it are skipped (default {@code #});
 *   <li>{@code missing}: cell texts that mean missing (default {@code ["", "NA", "NaN"]}); a
 *       numeric code here (e.g. {@code -9999}) also becomes the column's fill value, written back
 *       by CSV outputs, and is what integer columns hold for a missing cell ({@code NaN} is no
 *       such code: no integer holds it);
 *   <li>{@code columns}: declared types by column name ({@code int32}, {@code float64}, {@code
 *       string}, ...); other columns' types are inferred (int64 narrowed to int32, float64, or
 *       string; float64, all NaN, for a column whose every cell is missing, as pandas reads it);
 *   <li>{@code dimension}: the row dimension's name (default {@code row}).
 * </ul>
 *
 * @param delimiter the field separator
 * @param comment the comment prefix, or null
 * @param missing cell texts that mean missing
 * @param columns declared column types
 * @param dimension the row dimension's name
 */
public record CsvOptions(
    char delimiter, String comment, List<String> missing, Map<String, DType> columns,
    String dimension) implements Serializable {

  public CsvOptions {
    missing = List.copyOf(missing);
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** Options from a source's {@code options} map; {@code file} picks the default delimiter. */
  public static CsvOptions of(Map<String, Object> options, String file) {
    for (String k : options.keySet()) {
      if (!List.of("delimiter", "comment", "missing", "columns", "dimension").contains(k)) {
        throw new SourceException("CSV option '" + k + "' is unknown; CSV sources take delimiter,"
            + " comment, missing, columns and dimension");
      }
    }
    String name = file.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.gz$", "");
    String d = String.valueOf(options.getOrDefault("delimiter", name.endsWith(".tsv") ? "\t" : ","));
    if (d.equals("\\t") || d.equals("tab")) {
      d = "\t";
    }
    if (d.length() != 1) {
      throw new SourceException("CSV option delimiter: give one character, found '" + d + "'");
    }
    Object c = options.getOrDefault("comment", "#");
    List<String> missing = new ArrayList<>();
    Object m = options.getOrDefault("missing", List.of("", "NA", "NaN"));
    if (m instanceof List<?> l) {
      l.forEach(x -> missing.add(String.valueOf(x)));
    } else {
      missing.add(String.valueOf(m));
    }
    Map<String, DType> cols = new LinkedHashMap<>();
    Object declared = options.getOrDefault("columns", Map.of());
    if (!(declared instanceof Map<?, ?> dm)) {
      throw new SourceException("CSV option columns: give {column: type}, found " + declared);
    }
    dm.forEach((k, v) -> {
      try {
        cols.put(String.valueOf(k), String.valueOf(v).equals("string") ? DType.STRING
            : DType.parse(String.valueOf(v)));
      } catch (IllegalArgumentException e) {
        throw new SourceException("CSV option columns: column '" + k + "': " + e.getMessage()
            + " or string");
      }
    });
    return new CsvOptions(d.charAt(0), c == null ? null : String.valueOf(c), missing, cols,
        String.valueOf(options.getOrDefault("dimension", "row")));
  }

  /**
   * The first missing text that is a number, or null: the fill value of floating-point columns
   * ({@code NaN} for the default list).
   */
  public Double numericMissing() {
    return firstNumber(false);
  }

  /**
   * The first missing text that is a finite number (e.g. {@code -9999}), or null: what integer
   * columns hold for a missing cell and write back. {@code NaN} and infinities are skipped: no
   * integer can hold them.
   */
  public Double integerMissing() {
    return firstNumber(true);
  }

  private Double firstNumber(boolean finite) {
    for (String s : missing) {
      try {
        double x = Double.parseDouble(s.trim());
        if (!finite || Double.isFinite(x)) {
          return x;
        }
      } catch (NumberFormatException e) {
        // not a numeric code
      }
    }
    return null;
  }
}
