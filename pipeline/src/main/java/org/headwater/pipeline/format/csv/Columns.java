package org.headwater.pipeline.format.csv;

import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.DType;
import ucar.ma2.Array;

/**
 * Turns a column's cell texts into typed values, inferring the type when it is not declared.
 * A table is read twice: once cell by cell through an {@link Inference} per column (types,
 * missing counts, every error), then block by block through {@link #values}.
 */
final class Columns {
  private Columns() {}

  /** What one pass over a column's cells found. */
  static final class Inference {
    private final String name;
    private final DType declared;
    private final CsvOptions options;
    private final String label;
    private boolean integral = true;
    private boolean numeric = true;
    private boolean small = true;
    private int missing;
    private int firstMissing = -1;
    private int present;

    Inference(String name, DType declared, CsvOptions options, String label) {
      this.name = name;
      this.declared = declared;
      this.options = options;
      this.label = label;
    }

    /**
     * Takes the cell of data row {@code row} (0-based).
     *
     * @throws SourceException for a cell that a declared numeric type cannot hold
     */
    void accept(String cell, int row) {
      if (options.missing().contains(cell)) {
        missing++;
        firstMissing = firstMissing < 0 ? row : firstMissing;
        return;
      }
      present++;
      if (declared != null) {
        if (declared != DType.STRING && declared != DType.CHAR) {
          parse(name, cell, row, declared, true, label);
        }
        return;
      }
      if (!numeric) {
        return;
      }
      try {
        long v = Long.parseLong(cell);
        small &= v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      } catch (NumberFormatException e) {
        integral = false;
        try {
          Double.parseDouble(cell);
        } catch (NumberFormatException e2) {
          numeric = false;
        }
      }
    }

    /**
     * The column's type once every cell was seen. As pandas reads them, a column whose type is
     * not declared is float64 (missing cells NaN) when every cell is missing, or when it holds
     * integers with gaps and 'missing' names no integer code for them.
     *
     * @throws SourceException for missing cells in a column declared integer without a finite
     *     numeric code
     */
    DType type() {
      boolean gaps = missing > 0 && options.integerMissing() == null;
      DType type = declared != null ? declared
          : missing > 0 && present == 0 ? DType.FLOAT64
          : !numeric ? DType.STRING
          : integral && !gaps ? (small ? DType.INT32 : DType.INT64) : DType.FLOAT64;
      if (missing > 0 && type.isIntegral() && options.integerMissing() == null) {
        throw new SourceException(label + ": column '" + name + "' line " + (firstMissing + 2) + " is"
            + " missing but the column is declared " + type.numpyName() + " and 'missing' has no"
            + " integer code; add one (e.g. -9999) or declare the column float64");
      }
      return type;
    }

    int missing() {
      return missing;
    }
  }

  /**
   * The typed values of a block of cells whose column passed an {@link Inference}.
   *
   * @param cells the cells of data rows {@code firstRow}, {@code firstRow + 1}, ...
   */
  static Array values(String name, String[] cells, int firstRow, DType type, CsvOptions o, String label) {
    Double code = type.isIntegral() ? o.integerMissing() : o.numericMissing();
    Array a = Array.factory(type.dataType(), new int[] {cells.length});
    for (int i = 0; i < cells.length; i++) {
      boolean isMissing = o.missing().contains(cells[i]);
      if (type == DType.STRING || type == DType.CHAR) {
        a.setObject(i, isMissing ? "" : cells[i]);
        continue;
      }
      double x = isMissing
          ? (type.isIntegral() ? code : Double.NaN)
          : parse(name, cells[i], firstRow + i, type, false, label);
      if (type.isIntegral()) {
        a.setLong(i, (long) x);
      } else {
        a.setDouble(i, code != null && x == code ? Double.NaN : x);
      }
    }
    return a;
  }

  /** The fill value of a column of this type: the numeric missing code, NaN, or null. */
  static Number fill(DType type, CsvOptions o) {
    if (type.isFloatingPoint()) {
      Double code = o.numericMissing();
      return code == null ? null : type == DType.FLOAT32 ? (Number) code.floatValue() : code;
    }
    Double code = o.integerMissing();
    if (type.isIntegral() && code != null) {
      if (type == DType.INT16) {
        return code.shortValue();
      } else if (type == DType.INT8 || type == DType.UINT8) {
        return code.byteValue();
      }
      return type == DType.INT64 ? (Number) code.longValue() : (Number) code.intValue();
    }
    return null;
  }

  private static double parse(String name, String cell, int row, DType type, boolean declared, String label) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new SourceException(label + ": column '" + name + "' line " + (row + 2) + ": '"
          + cell + "' is not a number but the column is " + type.numpyName()
          + (declared ? " (declared)" : "") + "; fix the cell, add it to 'missing' or"
          + " declare the column string");
    }
  }
}
