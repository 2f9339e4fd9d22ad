package org.headwater.pipeline.format.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One TIFF Image File Directory (TIFF 6.0 section 2, little-endian classic TIFF): entries sorted
 * by tag, values of more than 4 bytes placed right after the directory, each on a word boundary.
 */
final class Ifd {
  static final int ASCII = 2;
  static final int SHORT = 3;
  static final int LONG = 4;
  static final int DOUBLE = 12;

  private record Entry(int type, int count, byte[] value) {}

  private final Map<Integer, Entry> entries = new TreeMap<>();

  Ifd shorts(int tag, int... v) {
    ByteBuffer b = buffer(2 * v.length);
    for (int x : v) {
      b.putShort((short) x);
    }
    return put(tag, SHORT, v.length, b);
  }

  Ifd longs(int tag, long... v) {
    ByteBuffer b = buffer(4 * v.length);
    for (long x : v) {
      if (x < 0 || x > 0xFFFFFFFFL) {
        throw new IllegalArgumentException("tag " + tag + ": " + x + " does not fit a TIFF LONG");
      }
      b.putInt((int) x);
    }
    return put(tag, LONG, v.length, b);
  }

  Ifd doubles(int tag, double... v) {
    ByteBuffer b = buffer(8 * v.length);
    for (double x : v) {
      b.putDouble(x);
    }
    return put(tag, DOUBLE, v.length, b);
  }

  Ifd ascii(int tag, String s) {
    byte[] text = (s + "\0").getBytes(StandardCharsets.US_ASCII);
    entries.put(tag, new Entry(ASCII, text.length, text));
    return this;
  }

  private Ifd put(int tag, int type, int count, ByteBuffer b) {
    entries.put(tag, new Entry(type, count, b.array()));
    return this;
  }

  private static ByteBuffer buffer(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Bytes the directory and its out-of-line values take. */
  int size() {
    int n = 2 + 12 * entries.size() + 4;
    for (Entry e : entries.values()) {
      if (e.value.length > 4) {
        n += e.value.length + (e.value.length & 1);
      }
    }
    return n;
  }

  /**
   * The directory and its values as written at file offset {@code at} (even).
   *
   * @param next the offset of the next directory, 0 for the last
   */
  byte[] encode(long at, long next) {
    ByteBuffer out = buffer(size());
    out.putShort((short) entries.size());
    long extra = at + 2 + 12L * entries.size() + 4;
    ByteBuffer values = buffer(size() - (int) (extra - at));
    for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
      Entry e = me.getValue();
      out.putShort((short) (int) me.getKey()).putShort((short) e.type).putInt(e.count);
      if (e.value.length <= 4) {
        out.put(e.value).put(new byte[4 - e.value.length]);
      } else {
        out.putInt((int) (extra + values.position()));
        values.put(e.value);
        if ((e.value.length & 1) == 1) {
          values.put((byte) 0);
        }
      }
    }
    out.putInt((int) next);
    out.put(values.array());
    return out.array();
  }
}
