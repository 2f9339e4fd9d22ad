package org.headwater.pipeline.combine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import ucar.ma2.Array;
import ucar.ma2.DataType;

/**
 * The values of a 1-D numeric coordinate as its file's reader returned them (type, unsigned flag
 * and every value kept exactly), small enough to travel in the plan: reads of the concatenated
 * coordinate (a run's time extent, a step's subset by time) then need no source file.
 */
public final class CoordinateValues implements Serializable {
  private static final long serialVersionUID = 1L;

  /** More values than this are not kept (8 MB of float64). */
  static final int MAX_VALUES = 1 << 20;

  private final DataType type;
  private final boolean unsigned;
  private final Object storage; // a primitive array of `type`

  private CoordinateValues(DataType type, boolean unsigned, Object storage) {
    this.type = type;
    this.unsigned = unsigned;
    this.storage = storage;
  }

  /** A copy of a 1-D array's values. */
  static CoordinateValues of(Array a) {
    if (a.getRank() != 1) {
      throw new IllegalArgumentException("a coordinate has rank 1, not " + a.getRank());
    }
    return new CoordinateValues(a.getDataType(), a.isUnsigned(), a.copyTo1DJavaArray());
  }

  /**
   * The values of several files one after the other, or null when they cannot be joined exactly
   * (a file without values, different types) or would be more than {@link #MAX_VALUES}.
   */
  static CoordinateValues concat(List<CoordinateValues> pieces) {
    if (pieces.isEmpty() || pieces.contains(null)) {
      return null;
    }
    CoordinateValues first = pieces.get(0);
    long total = 0;
    for (CoordinateValues p : pieces) {
      if (p.type != first.type || p.unsigned != first.unsigned) {
        return null;
      }
      total += p.length();
    }
    if (total > MAX_VALUES) {
      return null;
    }
    Object out = java.lang.reflect.Array.newInstance(first.storage.getClass().getComponentType(), (int) total);
    int at = 0;
    for (CoordinateValues p : pieces) {
      System.arraycopy(p.storage, 0, out, at, p.length());
      at += p.length();
    }
    return new CoordinateValues(first.type, first.unsigned, out);
  }

  int length() {
    return java.lang.reflect.Array.getLength(storage);
  }

  /** Values {@code origin} to {@code origin + count - 1}, as a new array of the reader's type. */
  Array read(int origin, int count) {
    if (origin < 0 || count < 0 || origin + count > length()) {
      throw new IndexOutOfBoundsException(
          "values " + origin + " to " + (origin + count) + " of " + length());
    }
    Object values = java.lang.reflect.Array.newInstance(storage.getClass().getComponentType(), count);
    System.arraycopy(storage, origin, values, 0, count);
    Array a = Array.factory(type, new int[] {count}, values);
    a.setUnsigned(unsigned);
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoordinateValues c
        && c.type == type
        && c.unsigned == unsigned
        && Objects.deepEquals(c.storage, storage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, unsigned, Arrays.deepHashCode(new Object[] {storage}));
  }

  @Override
  public String toString() {
    return length() + " " + (unsigned ? "unsigned " : "") + type + " values";
  }
}
