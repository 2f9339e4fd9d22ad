package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.headwater.zarr.internal.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;
import ucar.ma2.DataType;

class ZarrWriterTest {
  @TempDir Path tmp;
  Path store;
  ZarrWriter w;
  final ArrayMetadata meta = new ArrayMetadata(new int[] {10}, new int[] {4}, ZarrDType.FLOAT32, Compressor.zlib(1), Double.NaN);

  @BeforeEach
  void setUp() {
    store = tmp.resolve("out.zarr");
    w = ZarrWriter.create(store);
  }

  @Test
  void writesGroupAndArrayMetadataFiles() throws Exception {
    assertThat(Files.readString(store.resolve(".zgroup"))).isEqualTo("{\n    \"zarr_format\": 2\n}");
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("title", "Température");
    group.put("missing", Double.NaN);
    group.put("range", new double[] {1.5, Double.POSITIVE_INFINITY});
    group.put("levels", List.of(1, 2L));
    group.put("nested", Map.of("k", true));
    w.setGroupAttributes(group);
    assertThat(Files.readString(store.resolve(".zattrs"))).as("non-ASCII escaped").containsIgnoringCase("\"title\": \"Temp\\u00e9rature\"");
    assertThat(Json.parseValue(Files.readString(store.resolve(".zattrs")))).isEqualTo(Map.of(
        "title", "Température", "missing", "NaN", "range", List.of(1.5, "Infinity"),
        "levels", List.of(1L, 2L), "nested", Map.of("k", true)));

    Array unsignedAttr = Array.factory(DataType.BYTE, new int[] {2}, new byte[] {(byte) 255, 1});
    unsignedAttr.setUnsigned(true);
    w.createArray("temp", List.of("x"), meta, Map.of("units", "K", "flag_values", unsignedAttr, "valid", new float[] {0.5f}));
    assertThat(ArrayMetadata.fromJson(Files.readString(store.resolve("temp/.zarray")))).isEqualTo(meta);
    assertThat(Json.parseValue(Files.readString(store.resolve("temp/.zattrs")))).isEqualTo(Map.of(
        "_ARRAY_DIMENSIONS", List.of("x"), "units", "K", "flag_values", List.of(255L, 1L), "valid", List.of(0.5)));
  }

  @Test
  void consolidateCollectsAllMetadataSorted() throws Exception {
    w.setGroupAttributes(Map.of("title", "t"));
    w.createArray("b", List.of("x"), meta, Map.of());
    w.createArray("a", List.of("x"), meta, Map.of("units", "m"));
    w.consolidate();
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) Json.parseValue(Files.readString(store.resolve(".zmetadata")));
    assertThat(doc.get("zarr_consolidated_format")).isEqualTo(1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> md = (Map<String, Object>) doc.get("metadata");
    assertThat(md.keySet()).containsExactly(".zattrs", ".zgroup", "a/.zarray", "a/.zattrs", "b/.zarray", "b/.zattrs");
    assertThat(md.get(".zgroup")).isEqualTo(Map.of("zarr_format", 2L));
    assertThat(md.get("a/.zattrs")).isEqualTo(Map.of("_ARRAY_DIMENSIONS", List.of("x"), "units", "m"));
    assertThat(md.get("b/.zarray")).isEqualTo(Json.parseValue(meta.toJson()));
  }

  @Test
  void refusesNonEmptyDirectories() {
    assertThatThrownBy(() -> ZarrWriter.create(store))
        .isInstanceOf(ZarrException.class)
        .hasMessage(store.toAbsolutePath() + " is not empty: delete it or choose another output directory"
            + " (use ZarrWriter.open to add to an existing store)");
  }

  @Test
  void chunkDataMustMatchRegionShapeAndType() {
    w.createArray("temp", List.of("x"), meta, Map.of());
    Array full = Array.factory(DataType.FLOAT, new int[] {4});
    assertThatThrownBy(() -> w.writeChunk("temp", new int[] {2}, full))
        .isInstanceOf(ZarrException.class)
        .hasMessage("chunk 2 of array 'temp' in " + store.toAbsolutePath() + ": data shape [4] does not match"
            + " the chunk's region shape [2]: pass exactly the region");
    assertThatThrownBy(() -> w.writeChunk("temp", new int[] {0}, Array.factory(DataType.DOUBLE, new int[] {4})))
        .hasMessageContaining("data type double does not match dtype <f4");
    assertThatThrownBy(() -> w.writeChunk("temp", new int[] {3}, full))
        .hasMessageContaining("chunk 3 of array 'temp'").hasMessageContaining("outside grid [3]");
    assertThatThrownBy(() -> w.writeChunk("nope", new int[] {0}, full))
        .hasMessage("array 'nope' does not exist in " + store.toAbsolutePath() + ": call createArray first");
  }

  @Test
  void validatesNamesDimensionsAndAttributes() {
    assertThatThrownBy(() -> w.createArray("a/b", List.of("x"), meta, Map.of())).hasMessageContaining("invalid array name 'a/b'");
    assertThatThrownBy(() -> w.createArray(".hidden", List.of("x"), meta, Map.of())).hasMessageContaining("invalid array name");
    assertThatThrownBy(() -> w.createArray("a", List.of("x", "y"), meta, Map.of())).hasMessageContaining("must be 1 non-empty names");
    assertThatThrownBy(() -> w.createArray("a", List.of("x"), meta, Map.of("_ARRAY_DIMENSIONS", List.of("x"))))
        .hasMessageContaining("is reserved");
    assertThatThrownBy(() -> w.createArray("a", List.of("x"), meta, Map.of("when", new Object())))
        .hasMessageContaining("attribute of array 'a' in " + store.toAbsolutePath() + " has unsupported type java.lang.Object");
    w.createArray("a", List.of("x"), meta, Map.of());
    ArrayMetadata longer = new ArrayMetadata(new int[] {12}, new int[] {4}, ZarrDType.FLOAT32, null, null);
    assertThatThrownBy(() -> w.createArray("b", List.of("x"), longer, Map.of()))
        .hasMessageContaining("dimension 'x' has length 12 in array 'b' but 10 in another array");
    assertThatThrownBy(() -> w.createArray("a", List.of("y"), longer, Map.of())).hasMessageContaining("already exists");
    w.createArray("a", List.of("x"), meta, Map.of("units", "K"));
    assertThat(ZarrReader.open(store).attributes("a")).isEqualTo(Map.of("units", "K"));
  }

  @Test
  void openAddsChunksToAnExistingStoreAndLeavesNoTemporaryFiles() throws Exception {
    w.createArray("temp", List.of("x"), meta, Map.of());
    w.writeChunk("temp", new int[] {0}, Array.factory(DataType.FLOAT, new int[] {4}, new float[] {1, 2, 3, 4}));
    ZarrWriter other = ZarrWriter.open(store);
    other.writeChunk("temp", new int[] {2}, Array.factory(DataType.FLOAT, new int[] {2}, new float[] {9, 10}));
    ArrayMetadata bad = new ArrayMetadata(new int[] {3}, new int[] {3}, ZarrDType.INT8, null, null);
    assertThatThrownBy(() -> other.createArray("n", List.of("x"), bad, Map.of())).hasMessageContaining("dimension 'x' has length 3");
    other.consolidate();
    float n = Float.NaN;
    assertThat((float[]) ZarrReader.open(store).read("temp").copyTo1DJavaArray()).containsExactly(1, 2, 3, 4, n, n, n, n, 9, 10);
    try (Stream<Path> files = Files.walk(store)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
    }
    assertThatThrownBy(() -> ZarrWriter.open(tmp)).hasMessageContaining("is not a Zarr v2 group: no .zgroup");
  }

  @Test
  void zlibChunksHoldTheSameValuesWithLibdeflateAndWithJavaZlib() {
    ArrayMetadata big = new ArrayMetadata(new int[] {7, 50, 60}, new int[] {3, 50, 60}, ZarrDType.FLOAT32,
        Compressor.zlib(4), Double.NaN);
    Array data = TestArrays.sample(ZarrDType.FLOAT32, 7, 50, 60);
    w.createArray("v", List.of("t", "y", "x"), big, Map.of());
    TestArrays.writeAll(w, "v", big, data);
    ZarrWriter java;
    String before = System.getProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY);
    System.setProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY, "java");
    try {
      java = ZarrWriter.create(tmp.resolve("java.zarr"));
      java.createArray("v", List.of("t", "y", "x"), big, Map.of());
      TestArrays.writeAll(java, "v", big, data);
    } finally {
      if (before == null) {
        System.clearProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY);
      } else {
        System.setProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY, before);
      }
    }
    TestArrays.assertSameArray(ZarrReader.open(store).read("v"), data);
    TestArrays.assertSameArray(ZarrReader.open(java.root()).read("v"), data);
    assertThat(store.resolve("v/0.0.0")).as("libdeflate's stream differs from zlib's: both paths ran")
        .satisfies(p -> assertThat(Files.readAllBytes(p)).isNotEqualTo(Files.readAllBytes(java.root().resolve("v/0.0.0"))));
  }

  /**
   * Each way a chunk is written (libdeflate, the streamed Java zlib, in-memory zstd and blosc, no
   * compression; whole arrays and slabs) reports the file's own size and
   * SHA-256, the ones a reader of the file computes.
   */
  @Test
  void writtenChunksReportTheSizeAndHashOfTheirFile() throws Exception {
    List<Compressor> compressors = List.of(Compressor.zlib(4), Compressor.zstd(3), Compressor.blosc("lz4", 5, 1),
        Compressor.none());
    Array data = TestArrays.sample(ZarrDType.INT16, 5, 20, 30);
    List<StoredFile> written = new java.util.ArrayList<>();
    for (int c = 0; c < compressors.size(); c++) {
      {
        ArrayMetadata m = new ArrayMetadata(new int[] {5, 20, 30}, new int[] {2, 20, 16}, ZarrDType.INT16,
            compressors.get(c), -1);
        String name = "v" + c;
        w.createArray(name, List.of("t", "y", "x"), m, Map.of());
        for (int[] idx : m.chunkGrid().indices()) {
          int[] origin = m.chunkGrid().origin(idx);
          int[] region = m.chunkGrid().regionShape(idx);
          Array chunk = data.sectionNoReduce(origin, region, null).copy();
          written.add(idx[0] % 2 == 0
              ? w.writeChunk(name, idx, chunk)
              : w.writeChunk(name, idx, (from, count) -> rows(chunk, from, count)));
        }
      }
    }
    for (String java : List.of("", "java")) {
      String before = System.getProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY);
      System.setProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY, java.isEmpty() ? "libdeflate" : java);
      try {
        w.createArray("z" + java, List.of("t", "y", "x"), new ArrayMetadata(new int[] {5, 20, 30},
            new int[] {5, 20, 30}, ZarrDType.INT16, Compressor.zlib(6), -1), Map.of());
        written.add(w.writeChunk("z" + java, new int[] {0, 0, 0}, data));
      } finally {
        if (before == null) {
          System.clearProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY);
        } else {
          System.setProperty(org.headwater.zarr.internal.Libdeflate.ZLIB_PROPERTY, before);
        }
      }
    }
    assertThat(written).hasSize(4 * 3 * 2 + 2);
    assertThat(written).extracting(StoredFile::path).contains("v0/2.0.1", "v3/1.0.0", "zjava/0.0.0");
    for (StoredFile f : written) {
      Path file = store.resolve(f.path());
      assertThat(f.size()).as(f.path()).isEqualTo(Files.size(file));
      assertThat(f.sha256()).as(f.path()).isEqualTo(HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }
  }

  private static Array rows(Array a, int from, int count) {
    int[] origin = new int[a.getRank()];
    int[] shape = a.getShape();
    origin[0] = from;
    shape[0] = count;
    try {
      return a.sectionNoReduce(origin, shape, null).copy();
    } catch (ucar.ma2.InvalidRangeException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
