package org.headwater.zarr;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Locale;
import ucar.ma2.Array;
import ucar.ma2.DataType;

/**
 * The numeric Zarr v2 data types, mapped to {@link DataType} of the NetCDF-Java (cdm 4.5.5) array
 * model.
 *
 * <p>cdm 4.5.5 has no unsigned {@link DataType}s; unsigned data is a signed {@code DataType} plus
 * {@link Array#isUnsigned()}, so each unsigned Zarr type maps to the signed type of the same width
 * and {@link #unsigned()} is {@code true}. Values keep their bit pattern (a {@code |u1} value 255
 * is the Java byte -1).
 *
 * <p>Writers always produce little-endian type strings ({@code "<f4"}); readers accept {@code <},
 * {@code >}, {@code |} and {@code =} (native). Character and string types ({@code |S<n>},
 * {@code <U<n>}, NetCDF {@code char}/{@code String}) and booleans are not supported.
 */
public enum ZarrDType {
  /** Signed 8-bit integer, {@code |i1}. */
  INT8('i', DataType.BYTE, false),
  /** Signed 16-bit integer, {@code <i2}. */
  INT16('i', DataType.SHORT, false),
  /** Signed 32-bit integer, {@code <i4}. */
  INT32('i', DataType.INT, false),
  /** Signed 64-bit integer, {@code <i8}. */
  INT64('i', DataType.LONG, false),
  /** Unsigned 8-bit integer, {@code |u1}. */
  UINT8('u', DataType.BYTE, true),
  /** Unsigned 16-bit integer, {@code <u2}. */
  UINT16('u', DataType.SHORT, true),
  /** Unsigned 32-bit integer, {@code <u4}. */
  UINT32('u', DataType.INT, true),
  /** Unsigned 64-bit integer, {@code <u8}. */
  UINT64('u', DataType.LONG, true),
  /** IEEE 754 single precision, {@code <f4}. */
  FLOAT32('f', DataType.FLOAT, false),
  /** IEEE 754 double precision, {@code <f8}. */
  FLOAT64('f', DataType.DOUBLE, false);

  private final char kind;
  private final DataType dataType;
  private final boolean unsigned;

  ZarrDType(char kind, DataType dataType, boolean unsigned) {
    this.kind = kind;
    this.dataType = dataType;
    this.unsigned = unsigned;
  }

  /** @return the cdm element type used for arrays of this dtype */
  public DataType dataType() {
    return dataType;
  }

  /** @return whether values are unsigned integers (cdm: {@link Array#isUnsigned()}) */
  public boolean unsigned() {
    return unsigned;
  }

  /** @return bytes per element (1, 2, 4 or 8) */
  public int itemSize() {
    return dataType.getSize();
  }

  /** @return whether this is {@link #FLOAT32} or {@link #FLOAT64} */
  public boolean isFloatingPoint() {
    return kind == 'f';
  }

  /** @return the little-endian numpy type string written to {@code .zarray}, e.g. {@code "<f4"} */
  public String typestr() {
    return (itemSize() == 1 ? "|" : "<") + kind + itemSize();
  }

  /**
   * Maps a cdm element type to its Zarr dtype.
   *
   * @param type the cdm type (BYTE, SHORT, INT, LONG, FLOAT or DOUBLE)
   * @param unsigned whether integer values are unsigned
   * @return the dtype
   * @throws ZarrException for CHAR, STRING, BOOLEAN, STRUCTURE and other non-numeric types
   */
  public static ZarrDType of(DataType type, boolean unsigned) {
    for (ZarrDType d : values()) {
      if (d.dataType == type && (d.unsigned == unsigned || d.isFloatingPoint())) {
        return d;
      }
    }
    throw new ZarrException("unsupported data type " + type + (unsigned ? " (unsigned)" : "")
        + ": the Zarr writer stores numeric types only (byte, short, int, long, float, double);"
        + " convert char/String variables to numeric codes or drop them");
  }

  /**
   * Maps the element type and unsigned flag of an array to its Zarr dtype.
   *
   * @param array a numeric cdm array
   * @return the dtype
   */
  public static ZarrDType of(Array array) {
    return of(array.getDataType(), array.isUnsigned());
  }

  /**
   * Parses a numpy type string such as {@code "<f4"}, {@code ">i8"} or {@code "|u1"}.
   *
   * @param typestr the {@code dtype} value of a {@code .zarray}
   * @return the dtype; use {@link #byteOrder(String)} for the byte order
   * @throws ZarrException if the string is not a supported numeric type
   */
  public static ZarrDType parse(String typestr) {
    if (typestr != null && typestr.length() == 3 && "<>|=".indexOf(typestr.charAt(0)) >= 0) {
      for (ZarrDType d : values()) {
        if (d.kind == typestr.charAt(1) && typestr.charAt(2) - '0' == d.itemSize()) {
          return d;
        }
      }
    }
    throw new ZarrException("unsupported dtype '" + typestr + "': supported are "
        + "|i1 <i2 <i4 <i8 |u1 <u2 <u4 <u8 <f4 <f8 (either byte order); strings, booleans,"
        + " complex, datetime and structured dtypes are not supported");
  }

  /**
   * Returns the byte order a numpy type string declares.
   *
   * @param typestr e.g. {@code ">f8"}
   * @return {@link ByteOrder#BIG_ENDIAN} for {@code >}, native order for {@code =}, else little
   */
  public static ByteOrder byteOrder(String typestr) {
    return switch (typestr.charAt(0)) {
      case '>' -> ByteOrder.BIG_ENDIAN;
      case '=' -> ByteOrder.nativeOrder();
      default -> ByteOrder.LITTLE_ENDIAN;
    };
  }

  /**
   * Normalises a fill value for this dtype: {@code null} stays null, floating types give a
   * {@link Double}, integer types a {@link Long} (a {@link BigInteger} for {@code <u8} values
   * above {@link Long#MAX_VALUE}).
   *
   * @param fill the fill value
   * @return the normalised value
   * @throws IllegalArgumentException if the value is not integral or out of range for this dtype
   */
  Number normalizeFill(Number fill) {
    if (fill == null) {
      return null;
    }
    if (isFloatingPoint()) {
      double v = fill.doubleValue();
      return this == FLOAT32 && !Double.isNaN(v) ? (double) (float) v : v;
    }
    BigInteger v;
    if (fill instanceof BigInteger b) {
      v = b;
    } else if (fill instanceof Double || fill instanceof Float) {
      double d = fill.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("fill value " + fill + " is not an integer");
      }
      v = new java.math.BigDecimal(d).toBigInteger();
    } else {
      v = BigInteger.valueOf(fill.longValue());
    }
    int bits = itemSize() * 8;
    BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = unsigned
        ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new IllegalArgumentException("fill value " + fill + " is outside the range of "
          + name().toLowerCase(Locale.ROOT) + " [" + min + ", " + max + "]");
    }
    return v.bitLength() < 64 ? (Number) v.longValue() : v;
  }
}
