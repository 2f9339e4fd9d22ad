package org.headwater.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.headwater.zarr.internal.ChunkBytes;
import org.headwater.zarr.internal.Codecs;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.ma2.MAMath;

/** Converts between cdm arrays and stored chunk bytes: padding, byte order, compression. */
final class ChunkCodec {
  private ChunkCodec() {}

  /**
   * Encodes the part of a chunk inside the array, padded with the fill value to the full chunk
   * shape, in C order, compressed.
   *
   * @param stored array metadata and byte order
   * @param data region data whose shape is the chunk's region shape and type the dtype's
   * @return the chunk file content
   */
  static byte[] encode(ZarrayJson.Stored stored, Array data) {
    ArrayMetadata meta = stored.metadata();
    int[] chunks = meta.chunks();
    Object storage;
    if (Arrays.equals(data.getShape(), chunks)) {
      storage = data.copyTo1DJavaArray();
    } else {
      Array full = Array.factory(meta.dtype().dataType(), chunks);
      fill(full.getStorage(), meta.fillValue());
      try {
        MAMath.copy(full.sectionNoReduce(new int[chunks.length], data.getShape(), null), data);
      } catch (InvalidRangeException e) {
        throw new IllegalStateException(e);
      }
      storage = full.getStorage();
    }
    byte[] raw = toBytes(storage, stored.byteOrder());
    return Codecs.encode(meta.compressor(), raw, meta.dtype().itemSize());
  }

  /**
   * Decodes uncompressed chunk bytes into an array of the full chunk shape.
   *
   * @param stored array metadata and byte order
   * @param raw exactly {@link ArrayMetadata#chunkBytes()} bytes
   * @return the chunk, flagged unsigned for unsigned dtypes
   */
  static Array decode(ZarrayJson.Stored stored, byte[] raw) {
    ArrayMetadata meta = stored.metadata();
    int n = raw.length / meta.dtype().itemSize();
    ByteBuffer bb = ByteBuffer.wrap(raw).order(stored.byteOrder());
    Object storage = switch (meta.dtype().dataType()) {
      case BYTE -> raw;
      case SHORT -> { short[] s = new short[n]; bb.asShortBuffer().get(s); yield s; }
      case INT -> { int[] s = new int[n]; bb.asIntBuffer().get(s); yield s; }
      case LONG -> { long[] s = new long[n]; bb.asLongBuffer().get(s); yield s; }
      case FLOAT -> { float[] s = new float[n]; bb.asFloatBuffer().get(s); yield s; }
      case DOUBLE -> { double[] s = new double[n]; bb.asDoubleBuffer().get(s); yield s; }
      default -> throw new IllegalStateException("unsupported " + meta.dtype());
    };
    Array a = Array.factory(meta.dtype().dataType(), meta.chunks(), storage);
    a.setUnsigned(meta.dtype().unsigned());
    return a;
  }

  /** Fills a primitive storage array with a fill value ({@code null} leaves zeros). */
  static void fill(Object storage, Number fill) {
    if (fill == null) {
      return;
    }
    if (storage instanceof byte[] a) {
      Arrays.fill(a, fill.byteValue());
    } else if (storage instanceof short[] a) {
      Arrays.fill(a, fill.shortValue());
    } else if (storage instanceof int[] a) {
      Arrays.fill(a, fill.intValue());
    } else if (storage instanceof long[] a) {
      Arrays.fill(a, fill.longValue());
    } else if (storage instanceof float[] a) {
      Arrays.fill(a, fill.floatValue());
    } else if (storage instanceof double[] a) {
      Arrays.fill(a, fill.doubleValue());
    }
  }

  private static byte[] toBytes(Object storage, ByteOrder order) {
    if (storage instanceof byte[] a) {
      return a;
    }
    int n = java.lang.reflect.Array.getLength(storage);
    ByteBuffer bb = ByteBuffer.allocate(n * ChunkBytes.itemSize(storage)).order(order);
    ChunkBytes.put(storage, 0, n, bb);
    return bb.array();
  }
}
