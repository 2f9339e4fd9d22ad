package org.headwater.zarr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.headwater.zarr.internal.ChunkBytes;
import org.headwater.zarr.internal.Codecs;
import org.headwater.zarr.internal.Json;
import org.headwater.zarr.internal.Libdeflate;
import org.headwater.zarr.internal.StoreFiles;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.ma2.MAMath;

/**
 * Writes a Zarr v2 directory store laid out the way xarray writes datasets: one root group, one
 * array per variable directly below it, {@code _ARRAY_DIMENSIONS} in every array's {@code .zattrs}.
 *
 * <p>Typical use: {@link #create}, {@link #setGroupAttributes}, {@link #createArray} for every
 * variable, {@link #writeChunk} for every chunk (from any number of threads), then
 * {@link #consolidate}. Every file is written atomically (temporary file + rename), and the bytes
 * depend only on the data, the metadata and the zlib implementation (libdeflate when installed,
 * see {@code internal.Libdeflate}), so equal inputs give byte-identical stores on one machine.
 *
 * <p>Thread safety: all methods may be called concurrently; {@link #writeChunk} calls for
 * different chunks do not interfere. Several processes may {@link #open} the same store and write
 * disjoint chunks of arrays created beforehand.
 */
public final class ZarrWriter {
  private final Path root;
  private final Map<String, ZarrayJson.Stored> arrays = new ConcurrentHashMap<>();
  private final Map<String, Integer> dimensionLengths = new HashMap<>();

  private ZarrWriter(Path root) {
    this.root = root;
  }

  /**
   * Creates a new store and writes its {@code .zgroup}.
   *
   * @param dir a directory that does not exist yet or is empty
   * @return the writer
   * @throws ZarrException if {@code dir} is a file or a non-empty directory (stale chunks would
   *     otherwise silently become part of the new store)
   */
  public static ZarrWriter create(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      if (Files.exists(root)) {
        if (!Files.isDirectory(root)) {
          throw new ZarrException(root + " exists and is not a directory: choose another output path");
        }
        try (Stream<Path> s = Files.list(root)) {
          if (s.findAny().isPresent()) {
            throw new ZarrException(root + " is not empty: delete it or choose another output directory"
                + " (use ZarrWriter.open to add to an existing store)");
          }
        }
      }
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new ZarrException("cannot create store directory " + root + ": " + e, e);
    }
    StoreFiles.writeAtomically(root.resolve(".zgroup"), Json.pretty(Map.of("zarr_format", 2)));
    return new ZarrWriter(root);
  }

  /**
   * Opens an existing store to add arrays or chunks (for example from another worker process).
   *
   * @param dir a directory containing a Zarr v2 {@code .zgroup}
   * @return the writer
   */
  public static ZarrWriter open(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    StoreLayout.checkGroup(root);
    ZarrWriter w = new ZarrWriter(root);
    for (String name : StoreLayout.arrayDirectories(root)) {
      ZarrayJson.Stored s = w.stored(name);
      Path zattrs = root.resolve(name).resolve(".zattrs");
      List<String> dims = Files.exists(zattrs)
          ? StoreLayout.dimensions(asMap(StoreFiles.readJson(zattrs)), s.metadata().rank()) : null;
      if (dims != null) {
        w.registerDimensions(name, dims, s.metadata());
      }
    }
    return w;
  }

  /** @return the absolute store directory */
  public Path root() {
    return root;
  }

  /**
   * Writes the root group's {@code .zattrs} (replacing earlier group attributes).
   *
   * @param attributes JSON-compatible values (String, Number, Boolean, List, Map, primitive arrays,
   *     {@code ucar.ma2.Array}); non-finite doubles are written as "NaN"/"Infinity"/"-Infinity"
   */
  public void setGroupAttributes(Map<String, Object> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    StoreFiles.writeAtomically(root.resolve(".zattrs"), Json.pretty(attributes, "group attribute in " + root));
  }

  /**
   * Creates an array: writes {@code name/.zarray} and {@code name/.zattrs} (the given attributes
   * plus {@code _ARRAY_DIMENSIONS}). Re-creating an array with identical metadata is allowed and
   * rewrites its attributes.
   *
   * @param name array (variable) name: no '/', '\', not starting with '.'
   * @param dimensions one dimension name per array dimension; a dimension must have the same
   *     length in every array, as xarray requires
   * @param meta shape, chunks, dtype, compressor and fill value
   * @param attributes JSON-compatible attribute values, without {@code _ARRAY_DIMENSIONS}
   * @throws ZarrException for invalid names, mismatched dimensions or conflicting metadata
   */
  public void createArray(String name, List<String> dimensions, ArrayMetadata meta, Map<String, Object> attributes) {
    StoreLayout.checkName(name, root);
    Objects.requireNonNull(meta, "meta");
    String where = "array '" + name + "' in " + root;
    if (dimensions == null || dimensions.size() != meta.rank() || dimensions.stream().anyMatch(d -> d == null || d.isEmpty())) {
      throw new ZarrException(where + ": dimensions " + dimensions + " must be " + meta.rank()
          + " non-empty names, one per dimension of shape " + Arrays.toString(meta.shape()));
    }
    Map<String, Object> attrs = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
    if (attrs.containsKey(StoreLayout.DIMENSIONS_KEY)) {
      throw new ZarrException(where + ": attribute " + StoreLayout.DIMENSIONS_KEY
          + " is reserved: pass the dimension names as the dimensions argument");
    }
    attrs.put(StoreLayout.DIMENSIONS_KEY, List.copyOf(dimensions));
    byte[] attrJson = Json.pretty(attrs, "attribute of " + where);
    Path dir = root.resolve(name);
    synchronized (this) {
      if (Files.exists(dir.resolve(".zarray"))) {
        ArrayMetadata existing = stored(name).metadata();
        if (!existing.equals(meta)) {
          throw new ZarrException(where + " already exists with " + existing + ", not " + meta
              + ": choose another name or a new store");
        }
      }
      registerDimensions(name, dimensions, meta);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new ZarrException("cannot create directory for " + where + ": " + e, e);
      }
      StoreFiles.writeAtomically(dir.resolve(".zarray"), Json.pretty(ZarrayJson.toMap(meta)));
      StoreFiles.writeAtomically(dir.resolve(".zattrs"), attrJson);
      arrays.put(name, new ZarrayJson.Stored(meta, ByteOrder.LITTLE_ENDIAN, "."));
    }
  }

  /**
   * Encodes and writes one chunk. The data covers the chunk's region inside the array (see
   * {@link ChunkGrid#regionShape}); the uneven last chunk is padded with the fill value (0 if
   * null) to the full chunk shape, as zarr-python does.
   *
   * @param name an array created with {@link #createArray}
   * @param chunkIndex the chunk's index in the {@linkplain ArrayMetadata#chunkGrid() grid}
   * @param data values with the dtype's cdm type and exactly the region shape
   * @return the chunk file, with the hash of its bytes
   * @throws ZarrException naming the store, array and chunk key on mismatches or I/O failures
   */
  public StoredFile writeChunk(String name, int[] chunkIndex, Array data) {
    Target t = target(name, chunkIndex);
    ZarrayJson.Stored stored = t.stored();
    ArrayMetadata meta = stored.metadata();
    String key = t.key();
    String where = t.where();
    int[] region = t.region();
    if (data.getDataType() != meta.dtype().dataType()) {
      throw new ZarrException(where + ": data type " + data.getDataType() + " does not match dtype "
          + meta.dtype().typestr() + " (" + meta.dtype().dataType() + "): convert the data before writing");
    }
    if (!Arrays.equals(data.getShape(), region)) {
      throw new ZarrException(where + ": data shape " + Arrays.toString(data.getShape())
          + " does not match the chunk's region shape " + Arrays.toString(region) + ": pass exactly the region");
    }
    Path file = root.resolve(name).resolve(key);
    // zlib and none: the chunk's values come from one array in C order (the data's own storage
    // when it already is that: no whole-chunk copies on the heap). zlib levels 1-9 go through
    // libdeflate in native memory when it is installed, else they are streamed through a
    // Deflater into the file, as is "none". zstd and blosc chunks are encoded in memory.
    if (Codecs.isStreaming(meta.compressor())) {
      Object storage;
      try {
        storage = cOrderValues(meta, data, region);
      } catch (RuntimeException e) {
        throw new ZarrException("cannot encode " + where + " with " + meta.compressor().toJson() + ": " + e, e);
      }
      createParent(file, chunkIndex, stored, where);
      Compressor compressor = meta.compressor();
      try {
        if (compressor.id().equals("zlib") && Libdeflate.handles(compressor.level())) {
          return storedFile(name, key, Libdeflate.writeZlib(file, storage, stored.byteOrder(), compressor.level()));
        }
        return storedFile(name, key, StoreFiles.writeAtomically(file, out -> {
          try (OutputStream encoded = Codecs.encoding(meta.compressor(), out)) {
            ChunkBytes.write(storage, stored.byteOrder(), encoded);
          }
        }));
      } catch (ZarrException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ZarrException("cannot encode " + where + " with " + meta.compressor().toJson() + ": " + e, e);
      }
    }
    byte[] bytes;
    try {
      bytes = ChunkCodec.encode(stored, data);
    } catch (RuntimeException e) {
      throw new ZarrException("cannot encode " + where + " with " + meta.compressor().toJson() + ": " + e, e);
    }
    createParent(file, chunkIndex, stored, where);
    return storedFile(name, key, StoreFiles.writeAtomically(file, bytes));
  }

  private static StoredFile storedFile(String array, String key, StoreFiles.Digest written) {
    return new StoredFile(array + "/" + key, written.size(), written.sha256());
  }

  /**
   * Writes one chunk whose values are read in slabs along the first dimension, as the chunk is
   * encoded: for zlib chunks compressed with libdeflate, each slab goes straight into the
   * chunk's native buffer, so the whole chunk never exists as one array on the heap (slabs are
   * about {@value #SLAB_BYTES} bytes, at least one row). Other compressors read the whole region
   * as one slab and encode it as {@link #writeChunk(String, int[], Array)} does. The bytes
   * written are the same either way.
   *
   * @param name an array of rank 1 or more created with {@link #createArray}
   * @param chunkIndex the chunk's index in the {@linkplain ArrayMetadata#chunkGrid() grid}
   * @param slabs reads rows of the chunk's region
   * @return the chunk file, with the hash of its bytes
   * @throws IOException what {@code slabs} throws; the chunk file is not written then
   * @throws ZarrException naming the store, array and chunk key on mismatches or I/O failures
   */
  public StoredFile writeChunk(String name, int[] chunkIndex, ChunkSlabs slabs) throws IOException {
    if (stored(name).metadata().rank() == 0) {
      throw new ZarrException("array '" + name + "' in " + root + " has no dimensions to read in slabs:"
          + " write its one chunk with writeChunk(name, index, array)");
    }
    Target t = target(name, chunkIndex);
    ZarrayJson.Stored stored = t.stored();
    ArrayMetadata meta = stored.metadata();
    Compressor compressor = meta.compressor();
    String key = t.key();
    String where = t.where();
    int[] region = t.region();
    if (!(compressor.id().equals("zlib") && Libdeflate.handles(compressor.level()))) {
      return writeChunk(name, chunkIndex, slabs.read(0, region[0]));
    }
    Path file = root.resolve(name).resolve(key);
    createParent(file, chunkIndex, stored, where);
    try {
      return storedFile(name, key, Libdeflate.writeZlib(file, meta.chunkBytes(), compressor.level(),
          raw -> new SlabFill(meta, stored.byteOrder(), region, where).fill(slabs, raw)));
    } catch (ZarrException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ZarrException("cannot encode " + where + " with " + compressor.toJson() + ": " + e, e);
    }
  }

  /** A chunk about to be written: its array, file key, name for messages and region shape. */
  private record Target(ZarrayJson.Stored stored, String key, String where, int[] region) {}

  private Target target(String name, int[] chunkIndex) {
    ZarrayJson.Stored stored = stored(name);
    String key = ChunkGrid.key(chunkIndex, stored.separator());
    String where = "chunk " + key + " of array '" + name + "' in " + root;
    try {
      return new Target(stored, key, where, stored.metadata().chunkGrid().regionShape(chunkIndex));
    } catch (IndexOutOfBoundsException e) {
      throw new ZarrException(where + ": " + e.getMessage() + ": use ChunkGrid.indices() for valid indices", e);
    }
  }

  /** Bytes of one slab of rows, at most; a slab has at least one row. */
  static final int SLAB_BYTES = 1 << 20;

  /** Puts a chunk's slabs into its raw bytes, padding the uneven last chunk with the fill value. */
  private record SlabFill(ArrayMetadata meta, ByteOrder order, int[] region, String where) {
    void fill(ChunkSlabs slabs, ByteBuffer raw) throws IOException {
      int[] chunks = meta.chunks();
      long rowItems = 1;
      for (int i = 1; i < chunks.length; i++) {
        rowItems *= chunks[i];
      }
      int itemSize = meta.dtype().itemSize();
      int rows = (int) Math.max(1, Math.min(chunks[0], SLAB_BYTES / Math.max(1, rowItems * itemSize)));
      boolean padded = !Arrays.equals(region, chunks);
      int count;
      for (int from = 0; from < chunks[0]; from += count) {
        // rows inside the region come from the reader, the padding rows after it are fill
        count = Math.min(rows, (from < region[0] ? region[0] : chunks[0]) - from);
        Object storage;
        if (from >= region[0]) {
          storage = filled(count);
        } else {
          Array slab = slabs.read(from, count);
          check(slab, from, count);
          storage = padded ? padded(slab, count) : cOrder(slab);
        }
        ByteBuffer at = raw.duplicate().order(order);
        at.position(Math.toIntExact(from * rowItems * itemSize));
        ChunkBytes.put(storage, 0, java.lang.reflect.Array.getLength(storage), at);
      }
    }

    private void check(Array slab, int from, int count) {
      int[] expected = region.clone();
      expected[0] = count;
      if (slab.getDataType() != meta.dtype().dataType() || !Arrays.equals(slab.getShape(), expected)) {
        throw new ZarrException(where + ": rows " + from + ".." + (from + count - 1) + " came as "
            + slab.getDataType() + " " + Arrays.toString(slab.getShape()) + ", not " + meta.dtype().dataType()
            + " " + Arrays.toString(expected) + ": the slab reader must return exactly the rows asked for");
      }
    }

    private Object cOrder(Array slab) {
      Object storage = ChunkBytes.storage(slab);
      return storage != null ? storage : slab.copyTo1DJavaArray();
    }

    private Object filled(int count) {
      int[] shape = meta.chunks().clone();
      shape[0] = count;
      Array full = Array.factory(meta.dtype().dataType(), shape);
      ChunkCodec.fill(full.getStorage(), meta.fillValue());
      return full.getStorage();
    }

    private Object padded(Array slab, int count) {
      int[] shape = meta.chunks().clone();
      shape[0] = count;
      Array full = Array.factory(meta.dtype().dataType(), shape, filled(count));
      try {
        MAMath.copy(full.sectionNoReduce(new int[shape.length], slab.getShape(), null), slab);
      } catch (InvalidRangeException e) {
        throw new IllegalStateException(e);
      }
      return full.getStorage();
    }
  }

  /**
   * The chunk's values in C order as a primitive array: the data's storage when it already is
   * that, else a copy; for the uneven last chunk, padded with the fill value to the full chunk
   * shape as {@link ChunkCodec#encode} pads it.
   */
  private static Object cOrderValues(ArrayMetadata meta, Array data, int[] region) {
    if (Arrays.equals(region, meta.chunks())) {
      Object storage = ChunkBytes.storage(data);
      return storage != null ? storage : data.copyTo1DJavaArray();
    }
    Array full = Array.factory(meta.dtype().dataType(), meta.chunks());
    ChunkCodec.fill(full.getStorage(), meta.fillValue());
    try {
      MAMath.copy(full.sectionNoReduce(new int[meta.rank()], data.getShape(), null), data);
    } catch (InvalidRangeException e) {
      throw new IllegalStateException(e);
    }
    return full.getStorage();
  }

  private static void createParent(Path file, int[] chunkIndex, ZarrayJson.Stored stored, String where) {
    if (stored.separator().equals("/") && chunkIndex.length > 1) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new ZarrException("cannot create directory for " + where + ": " + e, e);
      }
    }
  }

  /**
   * Writes {@code .zmetadata} from the metadata files currently on disk ({@code .zgroup},
   * {@code .zattrs}, and {@code .zarray}/{@code .zattrs} of every array), keys sorted.
   */
  public void consolidate() {
    Map<String, Object> metadata = new TreeMap<>();
    metadata.put(".zgroup", StoreFiles.readJson(root.resolve(".zgroup")));
    putIfExists(metadata, ".zattrs");
    for (String name : StoreLayout.arrayDirectories(root)) {
      putIfExists(metadata, name + "/.zarray");
      putIfExists(metadata, name + "/.zattrs");
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("metadata", metadata);
    doc.put("zarr_consolidated_format", 1);
    StoreFiles.writeAtomically(root.resolve(".zmetadata"), Json.pretty(doc));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object json) {
    return json instanceof Map ? (Map<String, Object>) json : null;
  }

  private void putIfExists(Map<String, Object> metadata, String key) {
    Path file = root.resolve(key);
    if (Files.exists(file)) {
      metadata.put(key, StoreFiles.readJson(file));
    }
  }

  private ZarrayJson.Stored stored(String name) {
    StoreLayout.checkName(name, root);
    return arrays.computeIfAbsent(name, n -> {
      Path zarray = root.resolve(n).resolve(".zarray");
      if (!Files.exists(zarray)) {
        throw new ZarrException("array '" + n + "' does not exist in " + root + ": call createArray first");
      }
      return ZarrayJson.parse(StoreFiles.readJson(zarray), zarray.toString());
    });
  }

  private synchronized void registerDimensions(String name, List<String> dims, ArrayMetadata meta) {
    int[] shape = meta.shape();
    for (int i = 0; i < shape.length; i++) {
      Integer known = dimensionLengths.get(dims.get(i));
      if (known != null && known != shape[i]) {
        throw new ZarrException("dimension '" + dims.get(i) + "' has length " + shape[i] + " in array '" + name
            + "' but " + known + " in another array of " + root + ": xarray requires one length per dimension");
      }
    }
    for (int i = 0; i < shape.length; i++) {
      dimensionLengths.put(dims.get(i), shape[i]);
    }
  }
}
