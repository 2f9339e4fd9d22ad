package org.headwater.zarr.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import ucar.ma2.Array;

/**
 * Writes a chunk's uncompressed bytes straight from an array's storage, slice by slice, without
 * first copying the whole chunk into one byte array.
 */
public final class ChunkBytes {
  /** Elements converted per slice: 256 Ki elements, at most 2 MiB of bytes. */
  private static final int SLICE = 1 << 18;

  private ChunkBytes() {}

  /**
   * The array's storage, if it already holds exactly the array's values in C order (a freshly
   * made, unsectioned numeric array); otherwise null.
   *
   * @param data a numeric array
   * @return a byte[], short[], int[], long[], float[] or double[], or null
   */
  public static Object storage(Array data) {
    Class<?> type = data.getElementType();
    if (!type.isPrimitive() || type == char.class || type == boolean.class) {
      return null;
    }
    Object storage = data.getStorage();
    if (data.get1DJavaArray(type) != storage
        || java.lang.reflect.Array.getLength(storage) != data.getSize()) {
      return null;
    }
    return storage;
  }

  /**
   * Puts {@code len} values of a primitive array, from index {@code from}, into {@code bb} at its
   * position, in the buffer's byte order (the position itself does not move).
   */
  public static void put(Object storage, int from, int len, ByteBuffer bb) {
    if (storage instanceof byte[] a) {
      bb.duplicate().put(a, from, len);
    } else if (storage instanceof short[] a) {
      bb.asShortBuffer().put(a, from, len);
    } else if (storage instanceof int[] a) {
      bb.asIntBuffer().put(a, from, len);
    } else if (storage instanceof long[] a) {
      bb.asLongBuffer().put(a, from, len);
    } else if (storage instanceof float[] a) {
      bb.asFloatBuffer().put(a, from, len);
    } else if (storage instanceof double[] a) {
      bb.asDoubleBuffer().put(a, from, len);
    } else {
      throw new IllegalArgumentException("not a numeric array: " + storage.getClass());
    }
  }

  /** Bytes per element of a byte[], short[], int[], long[], float[] or double[]. */
  public static int itemSize(Object storage) {
    if (storage instanceof byte[]) {
      return 1;
    } else if (storage instanceof short[]) {
      return 2;
    } else if (storage instanceof int[] || storage instanceof float[]) {
      return 4;
    } else if (storage instanceof long[] || storage instanceof double[]) {
      return 8;
    }
    throw new IllegalArgumentException("not a numeric array: " + storage.getClass());
  }

  /**
   * Writes the values of a primitive array as bytes of the given order.
   *
   * @param storage an array returned by {@link #storage}
   * @param order the stored byte order
   * @param out where the bytes go
   */
  public static void write(Object storage, ByteOrder order, OutputStream out) throws IOException {
    if (storage instanceof byte[] a) {
      out.write(a);
      return;
    }
    int n = java.lang.reflect.Array.getLength(storage);
    int size = itemSize(storage);
    ByteBuffer bb = ByteBuffer.allocate(Math.min(n, SLICE) * size).order(order);
    for (int from = 0; from < n; from += SLICE) {
      int len = Math.min(SLICE, n - from);
      bb.clear();
      put(storage, from, len, bb);
      out.write(bb.array(), 0, len * size);
    }
  }
}
