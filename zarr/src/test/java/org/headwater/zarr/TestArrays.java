package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;
import ucar.ma2.InvalidRangeException;

/** Deterministic sample data and comparisons shared by the tests. */
final class TestArrays {
  /** Multiplier of the integer sample formula (also used by the Python side of interop tests). */
  static final long MIX = 0x9E3779B97F4A7C15L;

  private TestArrays() {}

  /**
   * Sample values by C-order linear index i: floats {@code i * 0.25 - 7}, integers the low bits of
   * {@code i * MIX + 12345} (so signed values are negative and unsigned values have the top bit
   * set for many i). numpy: {@code (arange(n, dtype='u8') * uint64(MIX) + uint64(12345)).astype(dt)}.
   */
  static Array sample(ZarrDType dtype, int... shape) {
    Array a = Array.factory(dtype.dataType(), shape);
    a.setUnsigned(dtype.unsigned());
    long i = 0;
    for (IndexIterator it = a.getIndexIterator(); it.hasNext(); i++) {
      long bits = i * MIX + 12345;
      switch (dtype.dataType()) {
        case BYTE -> it.setByteNext((byte) bits);
        case SHORT -> it.setShortNext((short) bits);
        case INT -> it.setIntNext((int) bits);
        case LONG -> it.setLongNext(bits);
        case FLOAT -> it.setFloatNext((float) (i * 0.25 - 7));
        default -> it.setDoubleNext(i * 0.25 - 7);
      }
    }
    return a;
  }

  /**
   * @return a view of a region of {@code a}, or an empty array for an empty region (cdm cannot
   *     section to length 0)
   */
  static Array region(Array a, int[] origin, int[] shape) {
    if (origin.length == 0) {
      return a;
    }
    if (java.util.Arrays.stream(shape).anyMatch(n -> n == 0)) {
      Array empty = Array.factory(a.getDataType(), shape);
      empty.setUnsigned(a.isUnsigned());
      return empty;
    }
    try {
      Array view = a.sectionNoReduce(origin, shape, null);
      view.setUnsigned(a.isUnsigned()); // cdm 4.5.5 ArrayLong views drop the flag
      return view;
    } catch (InvalidRangeException e) {
      throw new AssertionError(e);
    }
  }

  /** @return a compact copy of a region of {@code a}, keeping the unsigned flag */
  static Array copyOfRegion(Array a, int[] origin, int[] shape) {
    Array copy = region(a, origin, shape).copy();
    copy.setUnsigned(a.isUnsigned());
    return copy;
  }

  /** Asserts equal type, unsigned flag, shape and element bits (NaN equals NaN). */
  static void assertSameArray(Array actual, Array expected) {
    assertThat(actual.getDataType()).as("data type").isEqualTo(expected.getDataType());
    assertThat(actual.isUnsigned()).as("unsigned").isEqualTo(expected.isUnsigned());
    assertThat(actual.getShape()).as("shape").isEqualTo(expected.getShape());
    assertThat(actual.copyTo1DJavaArray()).as("values").isEqualTo(expected.copyTo1DJavaArray());
  }

  /** Writes every chunk of {@code data} (views of the regions) to array {@code name}. */
  static void writeAll(ZarrWriter w, String name, ArrayMetadata meta, Array data) {
    ChunkGrid grid = meta.chunkGrid();
    for (int[] index : grid.indices()) {
      w.writeChunk(name, index, region(data, grid.origin(index), grid.regionShape(index)));
    }
  }

  /**
   * @return the values as JSON would show them: Double for floats, Long for integers, BigInteger
   *     for unsigned 64-bit values above Long.MAX_VALUE, in C order
   */
  static List<Object> jsonValues(Array a) {
    List<Object> out = new ArrayList<>();
    for (IndexIterator it = a.getIndexIterator(); it.hasNext(); ) {
      Object v = it.getObjectNext();
      if (v instanceof Float f) {
        out.add(f.doubleValue());
      } else if (v instanceof Double d) {
        out.add(d);
      } else {
        long l = ((Number) v).longValue();
        if (a.isUnsigned()) {
          int bits = a.getDataType().getSize() * 8;
          l = bits == 64 ? l : l & ((1L << bits) - 1);
          out.add(l < 0 ? new BigInteger(Long.toUnsignedString(l)) : (Object) l);
        } else {
          out.add(l);
        }
      }
    }
    return out;
  }

  /** Flattens nested lists (as parsed from JSON) in order. */
  static List<Object> flatten(Object nested) {
    List<Object> out = new ArrayList<>();
    if (nested instanceof List<?> l) {
      l.forEach(x -> out.addAll(flatten(x)));
    } else {
      out.add(nested);
    }
    return out;
  }
}
