package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.headwater.zarr.TestArrays.assertSameArray;
import static org.headwater.zarr.TestArrays.region;
import static org.headwater.zarr.TestArrays.sample;
import static org.headwater.zarr.TestArrays.writeAll;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ucar.ma2.Array;
import ucar.ma2.DataType;

class RoundTripTest {
  @TempDir Path tmp;

  static List<Compressor> compressors() {
    return List.of(Compressor.none(), Compressor.zlib(4), Compressor.zstd(3), Compressor.blosc("lz4", 5, 1),
        Compressor.blosc("zstd", 3, 2), Compressor.blosc("blosclz", 9, 0), Compressor.blosc("zlib", 1, -1),
        Compressor.blosc("lz4hc", 4, 1));
  }

  static Stream<Arguments> dtypesAndCompressors() {
    List<Arguments> out = new ArrayList<>();
    for (ZarrDType d : ZarrDType.values()) {
      for (Compressor c : compressors()) {
        out.add(Arguments.of(d, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dtypesAndCompressors")
  void everyDtypeAndCompressorRoundTrips(ZarrDType dtype, Compressor compressor) {
    Path store = tmp.resolve("s.zarr");
    ZarrWriter w = ZarrWriter.create(store);
    ArrayMetadata m1 = new ArrayMetadata(new int[] {10}, new int[] {3}, dtype, compressor, null);
    ArrayMetadata m3 = new ArrayMetadata(new int[] {5, 4, 7}, new int[] {2, 3, 3}, dtype, compressor, 1);
    ArrayMetadata m0 = new ArrayMetadata(new int[0], new int[0], dtype, compressor, null);
    Array d1 = sample(dtype, 10);
    Array d3 = sample(dtype, 5, 4, 7);
    Array d0 = sample(dtype);
    w.createArray("one", List.of("x"), m1, Map.of());
    w.createArray("three", List.of("t", "y", "z"), m3, Map.of());
    w.createArray("zero", List.of(), m0, Map.of());
    writeAll(w, "one", m1, d1);
    writeAll(w, "three", m3, d3);
    writeAll(w, "zero", m0, d0);
    w.consolidate();

    ZarrReader r = ZarrReader.open(store);
    assertThat(r.metadata("three")).isEqualTo(m3);
    assertSameArray(r.read("one"), d1);
    assertSameArray(r.read("three"), d3);
    assertSameArray(r.read("zero"), d0);
    assertThat(r.read("zero").getRank()).isZero();
    int[] origin = {1, 2, 2};
    int[] shape = {3, 2, 4};
    assertSameArray(r.read("three", origin, shape), TestArrays.copyOfRegion(d3, origin, shape));
    assertThat(Files.exists(store.resolve("zero/0"))).as("0-d chunk key is \"0\"").isTrue();
    assertThat(Files.exists(store.resolve("three/2.1.2"))).isTrue();
  }

  @ParameterizedTest(name = "chunk length {0}")
  @ValueSource(ints = {1, 2, 3, 7, 10, 11})
  void everySubRangeOfUnevenlyChunkedArrayReadsBack(int chunk) {
    ArrayMetadata m = new ArrayMetadata(new int[] {10}, new int[] {chunk}, ZarrDType.FLOAT64, Compressor.zlib(1), Double.NaN);
    Array data = sample(ZarrDType.FLOAT64, 10);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("u.zarr"));
    w.createArray("v", List.of("x"), m, Map.of());
    writeAll(w, "v", m, data);
    ZarrReader r = ZarrReader.open(tmp.resolve("u.zarr"));
    assertThat(r.arrayNames()).containsExactly("v");
    for (int start = 0; start <= 10; start++) {
      for (int len = 0; start + len <= 10; len++) {
        Array got = r.read("v", new int[] {start}, new int[] {len});
        assertThat((double[]) got.copyTo1DJavaArray()).as("[%d, %d)", start, start + len)
            .containsExactly((double[]) region(data, new int[] {start}, new int[] {len}).copyTo1DJavaArray());
      }
    }
  }

  @Test
  void edgeChunkIsPaddedWithFillValueLikeZarrPython() throws Exception {
    ArrayMetadata m = new ArrayMetadata(new int[] {10}, new int[] {4}, ZarrDType.FLOAT32, Compressor.zlib(5), Double.NaN);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("p.zarr"));
    w.createArray("v", List.of("x"), m, Map.of());
    w.writeChunk("v", new int[] {2}, Array.factory(DataType.FLOAT, new int[] {2}, new float[] {8.5f, 9.5f}));
    byte[] stored = Files.readAllBytes(tmp.resolve("p.zarr/v/2"));
    assertThat(stored[0]).as("zlib header (RFC 1950), not raw deflate or gzip").isEqualTo((byte) 0x78);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(stored))) {
      in.transferTo(raw);
    }
    ByteBuffer bb = ByteBuffer.wrap(raw.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(raw.size()).isEqualTo(16);
    assertThat(new float[] {bb.getFloat(), bb.getFloat(), bb.getFloat(), bb.getFloat()})
        .containsExactly(8.5f, 9.5f, Float.NaN, Float.NaN);
  }

  @Test
  void missingChunksReadAsFillValue() {
    ArrayMetadata nan = new ArrayMetadata(new int[] {4, 6}, new int[] {2, 4}, ZarrDType.FLOAT32, Compressor.zstd(1), Double.NaN);
    ArrayMetadata ints = new ArrayMetadata(new int[] {5}, new int[] {2}, ZarrDType.INT16, Compressor.blosc("lz4", 5, 1), -999);
    ArrayMetadata zero = new ArrayMetadata(new int[] {3}, new int[] {2}, ZarrDType.UINT32, null, null);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("f.zarr"));
    w.createArray("nan", List.of("a", "b"), nan, Map.of());
    w.createArray("ints", List.of("c"), ints, Map.of());
    w.createArray("zero", List.of("d"), zero, Map.of());
    float[] block = {1, 2, 3, 4, 5, 6, 7, 8};
    w.writeChunk("nan", new int[] {0, 0}, Array.factory(DataType.FLOAT, new int[] {2, 4}, block));
    w.writeChunk("ints", new int[] {1}, Array.factory(DataType.SHORT, new int[] {2}, new short[] {7, 8}));
    ZarrReader r = ZarrReader.open(tmp.resolve("f.zarr"));
    float n = Float.NaN;
    assertThat((float[]) r.read("nan").copyTo1DJavaArray()).containsExactly(
        1, 2, 3, 4, n, n, 5, 6, 7, 8, n, n, n, n, n, n, n, n, n, n, n, n, n, n);
    assertThat((float[]) r.read("nan", new int[] {1, 2}, new int[] {2, 3}).copyTo1DJavaArray())
        .containsExactly(7, 8, n, n, n, n);
    assertThat((short[]) r.read("ints").copyTo1DJavaArray()).containsExactly((short) -999, (short) -999, (short) 7, (short) 8, (short) -999);
    assertThat((int[]) r.read("zero").copyTo1DJavaArray()).containsExactly(0, 0, 0);
    assertThat(r.read("zero").isUnsigned()).isTrue();
  }

  @Test
  void unsignedValuesKeepTheirBitPatterns() {
    ArrayMetadata m = new ArrayMetadata(new int[] {3}, new int[] {3}, ZarrDType.UINT8, Compressor.zlib(1), 255);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("u8.zarr"));
    w.createArray("b", List.of("x"), m, Map.of());
    Array data = Array.factory(DataType.BYTE, new int[] {3}, new byte[] {(byte) 200, 0, (byte) 255});
    w.writeChunk("b", new int[] {0}, data);
    Array got = ZarrReader.open(tmp.resolve("u8.zarr")).read("b");
    assertThat(got.isUnsigned()).isTrue();
    assertThat(TestArrays.jsonValues(got)).containsExactly(200L, 0L, 255L);
  }

  @Test
  void consolidatedAndPerFileMetadataAgree() throws Exception {
    ArrayMetadata m = new ArrayMetadata(new int[] {6, 2}, new int[] {4, 2}, ZarrDType.INT64, Compressor.zstd(3), 0);
    Path store = tmp.resolve("c.zarr");
    ZarrWriter w = ZarrWriter.create(store);
    w.setGroupAttributes(Map.of("title", "t"));
    w.createArray("v", List.of("row", "col"), m, Map.of("units", "m"));
    writeAll(w, "v", m, sample(ZarrDType.INT64, 6, 2));
    ZarrReader plain = ZarrReader.open(store);
    w.consolidate();
    ZarrReader consolidated = ZarrReader.open(store);
    for (ZarrReader r : List.of(plain, consolidated)) {
      assertThat(r.groupAttributes()).isEqualTo(Map.of("title", "t"));
      assertThat(r.metadata("v")).isEqualTo(m);
      assertThat(r.dimensions("v")).containsExactly("row", "col");
      assertThat(r.attributes("v")).isEqualTo(Map.of("units", "m"));
      assertSameArray(r.read("v"), sample(ZarrDType.INT64, 6, 2));
    }
    // consolidated metadata is what the reader uses: a stale per-file .zattrs is ignored
    Files.writeString(store.resolve("v/.zattrs"), "{\"_ARRAY_DIMENSIONS\": [\"a\", \"b\"]}");
    assertThat(ZarrReader.open(store).dimensions("v")).containsExactly("row", "col");
  }
}
