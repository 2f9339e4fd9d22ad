package org.headwater.pipeline.csv;

import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.DType;
import ucar.ma2.Array;

/** Turns a column's cell texts into typed values, inferring the type when it is not declared. */
final class Columns {
  private Columns() {}

  /**
   * A typed column.
   *
   * @param type its type
   * @param values its values
   * @param fill its fill value (the numeric missing code, NaN, or null)
   * @param missing how many cells were missing
   */
  record Column(DType type, Array values, Number fill, int missing) {}

  static Column convert(String name, String[] cells, DType declared, CsvOptions o, String label) {
    DType type = declared != null ? declared : infer(cells, o);
    Double code = o.numericMissing();
    int missing = 0;
    Array a = Array.factory(type.dataType(), new int[] {cells.length});
    for (int i = 0; i < cells.length; i++) {
      boolean isMissing = o.missing().contains(cells[i]);
      missing += isMissing ? 1 : 0;
      if (type == DType.STRING || type == DType.CHAR) {
        a.setObject(i, isMissing ? "" : cells[i]);
        continue;
      }
      if (isMissing && type.isIntegral() && code == null) {
        throw new SourceException(label + ": column '" + name + "' line " + (i + 2) + " is"
            + " missing but the column is " + type.numpyName() + " and 'missing' has no numeric"
            + " code; add one (e.g. -9999) or declare the column float64");
      }
      double x;
      try {
        x = isMissing ? (type.isIntegral() ? code : Double.NaN) : Double.parseDouble(cells[i]);
      } catch (NumberFormatException e) {
        throw new SourceException(label + ": column '" + name + "' line " + (i + 2) + ": '"
            + cells[i] + "' is not a number but the column is " + type.numpyName()
            + (declared == null ? "" : " (declared)") + "; fix the cell, add it to 'missing' or"
            + " declare the column string");
      }
      if (type.isIntegral()) {
        a.setLong(i, (long) x);
      } else {
        a.setDouble(i, code != null && x == code ? Double.NaN : x);
      }
    }
    Number fill = null;
    if (type.isFloatingPoint()) {
      fill = code == null ? null : type == DType.FLOAT32 ? (Number) code.floatValue() : code;
    } else if (type.isIntegral() && code != null) {
      fill = type == DType.INT64 ? (Number) code.longValue() : (Number) code.intValue();
      if (type == DType.INT16) {
        fill = code.shortValue();
      } else if (type == DType.INT8 || type == DType.UINT8) {
        fill = code.byteValue();
      }
    }
    return new Column(type, a, fill, missing);
  }

  static DType infer(String[] cells, CsvOptions o) {
    boolean integral = true;
    boolean numeric = true;
    boolean small = true;
    for (String c : cells) {
      if (o.missing().contains(c)) {
        continue;
      }
      try {
        long v = Long.parseLong(c);
        small &= v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      } catch (NumberFormatException e) {
        integral = false;
        try {
          Double.parseDouble(c);
        } catch (NumberFormatException e2) {
          numeric = false;
        }
      }
    }
    if (!numeric) {
      return DType.STRING;
    }
    return integral ? (small ? DType.INT32 : DType.INT64) : DType.FLOAT64;
  }
}
