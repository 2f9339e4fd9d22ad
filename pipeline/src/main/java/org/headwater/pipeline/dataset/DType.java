package org.headwater.pipeline.dataset;

import java.util.Locale;
import ucar.ma2.DataType;

/** The numeric (and character) types a Headwater dataset can hold, named as numpy names them. */
public enum DType {
  INT8(DataType.BYTE, false),
  UINT8(DataType.BYTE, true),
  INT16(DataType.SHORT, false),
  UINT16(DataType.SHORT, true),
  INT32(DataType.INT, false),
  UINT32(DataType.INT, true),
  INT64(DataType.LONG, false),
  UINT64(DataType.LONG, true),
  FLOAT32(DataType.FLOAT, false),
  FLOAT64(DataType.DOUBLE, false),
  CHAR(DataType.CHAR, false),
  STRING(DataType.STRING, false);

  private final DataType dataType;
  private final boolean unsigned;

  DType(DataType dataType, boolean unsigned) {
    this.dataType = dataType;
    this.unsigned = unsigned;
  }

  /** The NetCDF-Java storage type (unsigned types share the signed storage type). */
  public DataType dataType() {
    return dataType;
  }

  public boolean unsigned() {
    return unsigned;
  }

  public boolean isFloatingPoint() {
    return this == FLOAT32 || this == FLOAT64;
  }

  public boolean isNumeric() {
    return this != CHAR && this != STRING;
  }

  public boolean isIntegral() {
    return isNumeric() && !isFloatingPoint();
  }

  /** The numpy-style name, e.g. {@code float32}. */
  public String numpyName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type for a NetCDF-Java type, honouring the {@code _Unsigned} convention. */
  public static DType of(DataType dataType, boolean unsigned) {
    for (DType t : values()) {
      if (t.dataType == dataType && t.unsigned == unsigned) {
        return t;
      }
    }
    if (unsigned) {
      return of(dataType, false);
    }
    throw new IllegalArgumentException(
        "unsupported NetCDF type " + dataType + ": Headwater handles numeric, char and string data");
  }

  /** Parses a numpy-style name such as {@code int16} or {@code float64}. */
  public static DType parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "float":
        return FLOAT32;
      case "double":
        return FLOAT64;
      case "short":
        return INT16;
      case "int":
        return INT32;
      case "long":
        return INT64;
      case "byte":
        return INT8;
      default:
        for (DType t : values()) {
          if (t.numpyName().equals(n)) {
            return t;
          }
        }
        throw new IllegalArgumentException(
            "unknown dtype '" + name + "': use int8..int64, uint8..uint64, float32 or float64");
    }
  }

  /**
   * {@code n} as the Java number type that holds this type: integers rounded to the nearest
   * (half to even) and wrapped into the type's width, floats narrowed.
   */
  public Number cast(Number n) {
    switch (this) {
      case FLOAT32:
        return n.floatValue();
      case FLOAT64:
        return n.doubleValue();
      case INT8:
      case UINT8:
        return (byte) (long) Math.rint(n.doubleValue());
      case INT16:
      case UINT16:
        return (short) (long) Math.rint(n.doubleValue());
      case INT32:
      case UINT32:
        return (int) (long) Math.rint(n.doubleValue());
      default:
        return (long) Math.rint(n.doubleValue());
    }
  }
}
