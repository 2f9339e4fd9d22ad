package org.headwater.zarr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.headwater.zarr.internal.Json;

/**
 * The content of a Zarr v2 {@code .zarray}: shape, chunk shape, dtype, compressor and fill value.
 *
 * <p>Arrays are always C order, without filters, with {@code dimension_separator "."} and a
 * little-endian dtype when written; {@link #fromJson(String)} also accepts big-endian dtypes and
 * {@code "/"} separators (see {@link ZarrReader}). Array components are copied on the way in and
 * out, and {@link #equals} compares them by content.
 *
 * @param shape array shape; empty for a 0-d (scalar) array
 * @param chunks chunk shape, same rank as {@code shape}, every entry &gt; 0
 * @param dtype element type
 * @param compressor chunk compressor; {@code null} means {@link Compressor#none()}
 * @param fillValue value of unwritten elements: {@code null} (read as 0) or a Number; normalised to
 *     {@link Double} for float dtypes (NaN allowed) and {@link Long} for integer dtypes
 */
public record ArrayMetadata(int[] shape, int[] chunks, ZarrDType dtype, Compressor compressor, Number fillValue) {

  /**
   * Validates and normalises the components.
   *
   * @param shape see the record description
   * @param chunks see the record description
   * @param dtype see the record description
   * @param compressor see the record description
   * @param fillValue see the record description
   */
  public ArrayMetadata {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(chunks, "chunks");
    Objects.requireNonNull(dtype, "dtype");
    shape = shape.clone();
    chunks = chunks.clone();
    compressor = compressor == null ? Compressor.none() : compressor;
    if (shape.length != chunks.length) {
      throw new ZarrException("shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks)
          + " differ in rank: give one chunk length per dimension");
    }
    long chunkBytes = dtype.itemSize();
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0 || chunks[i] <= 0) {
        throw new ZarrException("invalid shape " + Arrays.toString(shape) + " / chunks " + Arrays.toString(chunks)
            + ": lengths must be >= 0 and chunk lengths > 0");
      }
      chunkBytes *= chunks[i];
      if (chunkBytes > Integer.MAX_VALUE - 64) {
        throw new ZarrException("chunks " + Arrays.toString(chunks) + " of " + dtype.typestr()
            + " exceed 2 GiB per chunk: choose smaller chunks (1-100 MiB is typical)");
      }
    }
    try {
      fillValue = dtype.normalizeFill(fillValue);
    } catch (IllegalArgumentException e) {
      throw new ZarrException("invalid fill value for " + dtype.typestr() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Convenience constructor for callers holding {@code long} lengths.
   *
   * @param shape array shape; every length must fit in an int
   * @param chunks see the record description
   * @param dtype see the record description
   * @param compressor see the record description
   * @param fillValue see the record description
   * @throws ZarrException if a length exceeds {@link Integer#MAX_VALUE}
   */
  public ArrayMetadata(long[] shape, int[] chunks, ZarrDType dtype, Compressor compressor, Number fillValue) {
    this(toInts(shape), chunks, dtype, compressor, fillValue);
  }

  /** @return a copy of the shape */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** @return a copy of the chunk shape */
  @Override
  public int[] chunks() {
    return chunks.clone();
  }

  /** @return the number of dimensions (0 for a scalar) */
  public int rank() {
    return shape.length;
  }

  /** @return the chunk grid over this array */
  public ChunkGrid chunkGrid() {
    return new ChunkGrid(shape, chunks);
  }

  /** @return the number of bytes of one uncompressed (full) chunk */
  public int chunkBytes() {
    int n = dtype.itemSize();
    for (int c : chunks) {
      n *= c;
    }
    return n;
  }

  /** @return {@code .zarray} JSON as written to disk (zarr-python layout, sorted keys) */
  public String toJson() {
    return new String(Json.pretty(ZarrayJson.toMap(this)), StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code .zarray} JSON.
   *
   * @param json the file content
   * @return the metadata (byte order and dimension separator are not part of it)
   * @throws ZarrException for invalid or unsupported metadata (F order, filters, string dtypes, ...)
   */
  public static ArrayMetadata fromJson(String json) {
    return ZarrayJson.parse(Json.parseValue(json), ".zarray").metadata();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayMetadata m && Arrays.equals(shape, m.shape) && Arrays.equals(chunks, m.chunks)
        && dtype == m.dtype && compressor.equals(m.compressor) && Objects.equals(fillValue, m.fillValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(chunks), dtype, compressor, fillValue);
  }

  @Override
  public String toString() {
    return "ArrayMetadata[shape=" + Arrays.toString(shape) + ", chunks=" + Arrays.toString(chunks)
        + ", dtype=" + dtype.typestr() + ", compressor=" + compressor.toJson() + ", fillValue=" + fillValue + "]";
  }

  private static int[] toInts(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] > Integer.MAX_VALUE) {
        throw new ZarrException("array length " + values[i] + " is outside 0.." + Integer.MAX_VALUE
            + ": split the dimension");
      }
      out[i] = (int) values[i];
    }
    return out;
  }
}
