package org.headwater.zarr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The regular chunk grid of a Zarr array: how many chunks each dimension has and which region of
 * the array each chunk covers. The last chunk along a dimension may extend past the array end; its
 * {@linkplain #regionShape region} is then smaller than the chunk shape.
 *
 * <p>Chunk indices are ordered in C order (last dimension fastest). A 0-d array has exactly one
 * chunk, index {@code []}, key {@code "0"}.
 *
 * @param shape array shape
 * @param chunks chunk shape (same rank, entries &gt; 0)
 */
public record ChunkGrid(int[] shape, int[] chunks) {

  /**
   * Validates and copies the components.
   *
   * @param shape array shape
   * @param chunks chunk shape
   */
  public ChunkGrid {
    shape = shape.clone();
    chunks = chunks.clone();
    if (shape.length != chunks.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and chunks "
          + Arrays.toString(chunks) + " differ in rank");
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0 || chunks[i] <= 0) {
        throw new IllegalArgumentException("invalid shape " + Arrays.toString(shape) + " / chunks " + Arrays.toString(chunks));
      }
    }
  }

  /** @return a copy of the array shape */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** @return a copy of the chunk shape */
  @Override
  public int[] chunks() {
    return chunks.clone();
  }

  /** @return number of chunks along each dimension ({@code ceil(shape / chunks)}) */
  public int[] counts() {
    int[] n = new int[shape.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = (int) ((shape[i] + (long) chunks[i] - 1) / chunks[i]);
    }
    return n;
  }

  /** @return total number of chunks (1 for a 0-d array, 0 if any length is 0) */
  public long size() {
    long n = 1;
    for (int c : counts()) {
      n *= c;
    }
    return n;
  }

  /**
   * @param index chunk index, one entry per dimension
   * @return the array coordinates of the chunk's first element
   */
  public int[] origin(int[] index) {
    check(index);
    int[] o = new int[index.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = index[i] * chunks[i];
    }
    return o;
  }

  /**
   * @param index chunk index
   * @return the shape of the part of the chunk that lies inside the array
   */
  public int[] regionShape(int[] index) {
    int[] o = origin(index);
    int[] s = new int[o.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.min(chunks[i], shape[i] - o[i]);
    }
    return s;
  }

  /**
   * @param n position in C order, {@code 0 <= n < size()}
   * @return the n-th chunk index
   */
  public int[] index(long n) {
    if (n < 0 || n >= size()) {
      throw new IndexOutOfBoundsException("chunk " + n + " of " + size());
    }
    int[] counts = counts();
    int[] index = new int[counts.length];
    for (int i = counts.length - 1; i >= 0; i--) {
      index[i] = (int) (n % counts[i]);
      n /= counts[i];
    }
    return index;
  }

  /** @return all chunk indices in C order */
  public List<int[]> indices() {
    return intersecting(new int[shape.length], shape);
  }

  /**
   * Lists the chunks that intersect a region, in C order.
   *
   * @param origin first element of the region
   * @param regionShape region shape; the region must lie inside the array
   * @return chunk indices (empty if the region is empty)
   */
  public List<int[]> intersecting(int[] origin, int[] regionShape) {
    int rank = shape.length;
    int[] first = new int[rank];
    int[] last = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (regionShape[i] == 0) {
        return List.of();
      }
      first[i] = origin[i] / chunks[i];
      last[i] = (origin[i] + regionShape[i] - 1) / chunks[i];
    }
    List<int[]> out = new ArrayList<>();
    int[] cur = first.clone();
    while (true) {
      out.add(cur.clone());
      int d = rank - 1;
      while (d >= 0 && cur[d] == last[d]) {
        cur[d] = first[d];
        d--;
      }
      if (d < 0) {
        return out;
      }
      cur[d]++;
    }
  }

  /**
   * @param index chunk index
   * @return the chunk key with separator ".", e.g. {@code "1.0.3"}; {@code "0"} for a 0-d array
   */
  public static String key(int[] index) {
    return key(index, ".");
  }

  static String key(int[] index, String separator) {
    if (index.length == 0) {
      return "0";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < index.length; i++) {
      b.append(i == 0 ? "" : separator).append(index[i]);
    }
    return b.toString();
  }

  private void check(int[] index) {
    int[] counts = counts();
    boolean ok = index.length == counts.length;
    for (int i = 0; ok && i < index.length; i++) {
      ok = index[i] >= 0 && index[i] < counts[i];
    }
    if (!ok) {
      throw new IndexOutOfBoundsException("chunk index " + Arrays.toString(index) + " outside grid "
          + Arrays.toString(counts) + " of shape " + Arrays.toString(shape));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkGrid g && Arrays.equals(shape, g.shape) && Arrays.equals(chunks, g.chunks);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(chunks);
  }

  @Override
  public String toString() {
    return "ChunkGrid[shape=" + Arrays.toString(shape) + ", chunks=" + Arrays.toString(chunks) + "]";
  }
}
