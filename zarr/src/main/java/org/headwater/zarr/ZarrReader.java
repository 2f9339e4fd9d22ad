package org.headwater.zarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.headwater.zarr.internal.Codecs;
import org.headwater.zarr.internal.StoreFiles;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;
import ucar.ma2.InvalidRangeException;
import ucar.ma2.MAMath;

/**
 * Reads a Zarr v2 directory store group: its attributes and the arrays directly below it.
 *
 * <p>Metadata comes from {@code .zmetadata} when present (as {@code xarray.open_zarr(...,
 * consolidated=True)} does), otherwise from the individual {@code .zgroup}, {@code .zattrs} and
 * {@code .zarray} files. Chunks written by zarr-python/numcodecs with zlib, zstd, blosc or no
 * compressor, in either byte order and with '.' or '/' dimension separators, are readable; a
 * missing chunk file reads as the fill value (0 if the fill value is null). Nested groups are not
 * listed. Instances are immutable and thread-safe.
 */
public final class ZarrReader {
  private record Entry(ZarrayJson.Stored stored, Map<String, Object> attributes) {}

  private final Path root;
  private final Map<String, Object> groupAttributes;
  private final Map<String, Entry> arrays;

  private ZarrReader(Path root, Map<String, Object> groupAttributes, Map<String, Entry> arrays) {
    this.root = root;
    this.groupAttributes = groupAttributes;
    this.arrays = arrays;
  }

  /**
   * Opens a store, reading all metadata (not chunks).
   *
   * @param dir the store directory
   * @return the reader
   * @throws ZarrException if the directory is not a Zarr v2 group or metadata is invalid
   */
  public static ZarrReader open(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    Map<String, Entry> arrays = new TreeMap<>();
    Path zmetadata = root.resolve(".zmetadata");
    if (Files.exists(zmetadata)) {
      Map<String, Object> doc = asMap(StoreFiles.readJson(zmetadata), zmetadata.toString());
      Map<String, Object> meta = asMap(doc.get("metadata"), zmetadata + " key 'metadata'");
      if (!meta.containsKey(".zgroup")) {
        throw new ZarrException(zmetadata + " has no .zgroup entry: re-consolidate the store (zarr.consolidate_metadata)");
      }
      for (Map.Entry<String, Object> e : meta.entrySet()) {
        String key = e.getKey();
        if (key.endsWith("/.zarray") && key.indexOf('/') == key.length() - "/.zarray".length()) {
          String name = key.substring(0, key.indexOf('/'));
          String where = zmetadata + " entry " + key;
          Object attrs = meta.getOrDefault(name + "/.zattrs", Map.of());
          arrays.put(name, new Entry(ZarrayJson.parse(e.getValue(), where), asMap(attrs, where)));
        }
      }
      return new ZarrReader(root, asMap(meta.getOrDefault(".zattrs", Map.of()), zmetadata.toString()), arrays);
    }
    StoreLayout.checkGroup(root);
    for (String name : StoreLayout.arrayDirectories(root)) {
      Path zarray = root.resolve(name).resolve(".zarray");
      arrays.put(name, new Entry(ZarrayJson.parse(StoreFiles.readJson(zarray), zarray.toString()),
          readAttributes(root.resolve(name).resolve(".zattrs"))));
    }
    return new ZarrReader(root, readAttributes(root.resolve(".zattrs")), arrays);
  }

  /** @return the absolute store directory */
  public Path root() {
    return root;
  }

  /** @return the root group's attributes (empty if none), unmodifiable */
  public Map<String, Object> groupAttributes() {
    return groupAttributes;
  }

  /** @return the names of the arrays directly below the root group, sorted */
  public Set<String> arrayNames() {
    return Collections.unmodifiableSet(arrays.keySet());
  }

  /**
   * @param name an array name
   * @return its {@code .zarray} metadata
   */
  public ArrayMetadata metadata(String name) {
    return entry(name).stored().metadata();
  }

  /**
   * @param name an array name
   * @return its dimension names from the xarray attribute {@code _ARRAY_DIMENSIONS}
   * @throws ZarrException if the attribute is missing or does not match the array's rank
   */
  public List<String> dimensions(String name) {
    Entry e = entry(name);
    List<String> dims = StoreLayout.dimensions(e.attributes(), e.stored().metadata().rank());
    if (dims == null) {
      throw new ZarrException("array '" + name + "' in " + root + " has no valid " + StoreLayout.DIMENSIONS_KEY
          + " attribute (found " + e.attributes().get(StoreLayout.DIMENSIONS_KEY)
          + "): the store was not written by xarray or Headwater; use metadata(name).shape() instead");
    }
    return dims;
  }

  /**
   * @param name an array name
   * @return its attributes without {@code _ARRAY_DIMENSIONS}, unmodifiable
   */
  public Map<String, Object> attributes(String name) {
    Map<String, Object> attrs = new LinkedHashMap<>(entry(name).attributes());
    attrs.remove(StoreLayout.DIMENSIONS_KEY);
    return Collections.unmodifiableMap(attrs);
  }

  /**
   * Reads a whole array.
   *
   * @param name an array name
   * @return the values, shaped like the array
   */
  public Array read(String name) {
    int[] shape = metadata(name).shape();
    return read(name, new int[shape.length], shape);
  }

  /**
   * Reads a rectangular region, decoding only the chunks that intersect it.
   *
   * @param name an array name
   * @param origin first element of the region
   * @param shape region shape; the region must lie inside the array
   * @return a new array of {@code shape} (flagged unsigned for unsigned dtypes)
   * @throws ZarrException for regions outside the array or undecodable chunks
   */
  public Array read(String name, int[] origin, int[] shape) {
    ZarrayJson.Stored stored = entry(name).stored();
    ArrayMetadata meta = stored.metadata();
    checkRegion(name, meta.shape(), origin, shape);
    Array result = Array.factory(meta.dtype().dataType(), shape.clone());
    result.setUnsigned(meta.dtype().unsigned());
    ChunkGrid grid = meta.chunkGrid();
    int[] chunks = meta.chunks();
    int rank = shape.length;
    for (int[] index : grid.intersecting(origin, shape)) {
      int[] chunkOrigin = grid.origin(index);
      int[] src = new int[rank];
      int[] dst = new int[rank];
      int[] inter = new int[rank];
      for (int i = 0; i < rank; i++) {
        int lo = Math.max(origin[i], chunkOrigin[i]);
        int hi = Math.min(origin[i] + shape[i], chunkOrigin[i] + chunks[i]);
        src[i] = lo - chunkOrigin[i];
        dst[i] = lo - origin[i];
        inter[i] = hi - lo;
      }
      Array chunk = readChunk(name, stored, ChunkGrid.key(index, stored.separator()));
      Array target = section(result, dst, inter);
      if (chunk == null) {
        fill(target, meta.fillValue());
      } else {
        MAMath.copy(target, section(chunk, src, inter));
      }
    }
    return result;
  }

  private Array readChunk(String name, ZarrayJson.Stored stored, String key) {
    Path file = root.resolve(name).resolve(key);
    byte[] bytes = StoreFiles.readIfExists(file);
    if (bytes == null) {
      return null;
    }
    ArrayMetadata meta = stored.metadata();
    byte[] raw;
    try {
      raw = Codecs.decode(meta.compressor(), bytes, meta.chunkBytes());
    } catch (Exception e) {
      throw new ZarrException("cannot decode chunk " + key + " of array '" + name + "' in " + root + " ("
          + file + ") with " + meta.compressor().toJson() + ": " + e
          + ": the file is corrupt or was written with another compressor; rewrite the chunk", e);
    }
    if (raw.length != meta.chunkBytes()) {
      throw new ZarrException("chunk " + key + " of array '" + name + "' in " + root + " decodes to "
          + raw.length + " bytes but chunks " + Arrays.toString(meta.chunks()) + " of " + meta.dtype().typestr()
          + " need " + meta.chunkBytes() + ": the chunk does not match .zarray; rewrite the chunk");
    }
    return ChunkCodec.decode(stored, raw);
  }

  private void checkRegion(String name, int[] arrayShape, int[] origin, int[] shape) {
    boolean ok = origin.length == arrayShape.length && shape.length == arrayShape.length;
    for (int i = 0; ok && i < shape.length; i++) {
      ok = origin[i] >= 0 && shape[i] >= 0 && (long) origin[i] + shape[i] <= arrayShape[i];
    }
    if (!ok) {
      throw new ZarrException("region origin " + Arrays.toString(origin) + " shape " + Arrays.toString(shape)
          + " is outside array '" + name + "' of shape " + Arrays.toString(arrayShape) + " in " + root
          + ": pass one origin and length per dimension within the array");
    }
  }

  private static Array section(Array a, int[] origin, int[] shape) {
    if (origin.length == 0) {
      return a;
    }
    try {
      return a.sectionNoReduce(origin, shape, null);
    } catch (InvalidRangeException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void fill(Array target, Number fill) {
    if (fill == null) {
      return; // fresh arrays are zero
    }
    IndexIterator it = target.getIndexIterator();
    while (it.hasNext()) {
      switch (target.getDataType()) {
        case BYTE -> it.setByteNext(fill.byteValue());
        case SHORT -> it.setShortNext(fill.shortValue());
        case INT -> it.setIntNext(fill.intValue());
        case LONG -> it.setLongNext(fill.longValue());
        case FLOAT -> it.setFloatNext(fill.floatValue());
        default -> it.setDoubleNext(fill.doubleValue());
      }
    }
  }

  private Entry entry(String name) {
    Entry e = arrays.get(name);
    if (e == null) {
      throw new ZarrException("no array '" + name + "' in " + root + ": available arrays are " + arrays.keySet());
    }
    return e;
  }

  private static Map<String, Object> readAttributes(Path zattrs) {
    return Files.exists(zattrs) ? asMap(StoreFiles.readJson(zattrs), zattrs.toString()) : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object json, String where) {
    if (!(json instanceof Map)) {
      throw new ZarrException(where + " is not a JSON object: regenerate the store metadata");
    }
    return (Map<String, Object>) json;
  }
}
