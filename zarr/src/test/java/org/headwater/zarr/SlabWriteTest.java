package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headwater.zarr.internal.Libdeflate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;

/** Chunks written slab by slab ({@link ChunkSlabs}) are the chunks written from whole arrays. */
class SlabWriteTest {
  @TempDir Path tmp;

  /**
   * Every chunk file is byte for byte the one {@code writeChunk(name, index, array)} writes, for
   * even and uneven chunks along every axis, for slabs of one row and of many (the 1 MiB slab
   * limit splits the 600 x 500 rows of 4 bytes into slabs of 524 and 76 rows), and for the
   * compressors that take slabs (zlib through libdeflate) and those that read the region at once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"zlib", "zstd", "none"})
  void slabChunksAreTheChunksOfWholeArrays(String codec) throws Exception {
    Compressor compressor = switch (codec) {
      case "zlib" -> Compressor.zlib(4);
      case "zstd" -> Compressor.zstd(3);
      default -> Compressor.none();
    };
    check(new int[] {7, 50, 60}, new int[] {3, 50, 60}, ZarrDType.FLOAT32, compressor, Double.NaN);
    check(new int[] {7, 50, 60}, new int[] {2, 32, 25}, ZarrDType.INT16, compressor, -999);
    check(new int[] {1200, 500}, new int[] {600, 500}, ZarrDType.FLOAT32, compressor, null);
    check(new int[] {1001, 3}, new int[] {1000, 2}, ZarrDType.FLOAT64, compressor, 1.5);
    check(new int[] {5}, new int[] {2}, ZarrDType.UINT8, compressor, 7);
  }

  private void check(int[] shape, int[] chunks, ZarrDType dtype, Compressor compressor, Number fill)
      throws Exception {
    ArrayMetadata meta = new ArrayMetadata(shape, chunks, dtype, compressor, fill);
    Array data = TestArrays.sample(dtype, shape);
    Path whole = tmp.resolve("whole-" + System.nanoTime() + ".zarr");
    Path slabs = tmp.resolve("slabs-" + System.nanoTime() + ".zarr");
    ZarrWriter w = ZarrWriter.create(whole);
    ZarrWriter s = ZarrWriter.create(slabs);
    List<String> dims = new ArrayList<>();
    for (int i = 0; i < shape.length; i++) {
      dims.add("d" + i);
    }
    w.createArray("v", dims, meta, Map.of());
    s.createArray("v", dims, meta, Map.of());
    TestArrays.writeAll(w, "v", meta, data);
    List<int[]> asked = new ArrayList<>();
    for (int[] idx : meta.chunkGrid().indices()) {
      int[] origin = meta.chunkGrid().origin(idx);
      int[] region = meta.chunkGrid().regionShape(idx);
      s.writeChunk("v", idx, (from, count) -> {
        asked.add(new int[] {from, count});
        int[] o = origin.clone();
        int[] r = region.clone();
        o[0] += from;
        r[0] = count;
        try {
          return data.sectionNoReduce(o, r, null).copy();
        } catch (InvalidRangeException e) {
          throw new IllegalStateException(e);
        }
      });
    }
    for (int[] idx : meta.chunkGrid().indices()) {
      String key = ChunkGrid.key(idx, ".");
      assertThat(Files.readAllBytes(slabs.resolve("v").resolve(key)))
          .as("chunk %s of %s chunks %s, %s", key, java.util.Arrays.toString(shape),
              java.util.Arrays.toString(chunks), compressor.toJson())
          .isEqualTo(Files.readAllBytes(whole.resolve("v").resolve(key)));
    }
    TestArrays.assertSameArray(ZarrReader.open(slabs).read("v"), data);
    if (compressor.id().equals("zlib") && Libdeflate.available()) {
      long rowBytes = (long) dtype.itemSize();
      for (int i = 1; i < chunks.length; i++) {
        rowBytes *= chunks[i];
      }
      int maxRows = (int) Math.max(1, ZarrWriter.SLAB_BYTES / rowBytes);
      assertThat(asked).as("no slab bigger than the limit").allSatisfy(a -> assertThat(a[1]).isBetween(1, maxRows));
    }
  }

  @Test
  void aSlabOfTheWrongShapeOrTypeNamesTheChunkAndWritesNothing() throws Exception {
    ArrayMetadata meta = new ArrayMetadata(new int[] {4, 3}, new int[] {4, 3}, ZarrDType.FLOAT32, Compressor.zlib(4), null);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("bad.zarr"));
    w.createArray("v", List.of("t", "x"), meta, Map.of());
    assertThatThrownBy(() -> w.writeChunk("v", new int[] {0, 0}, (from, count) -> TestArrays.sample(ZarrDType.FLOAT32, count, 2)))
        .isInstanceOf(ZarrException.class)
        .hasMessageContaining("chunk 0.0 of array 'v'")
        .hasMessageContaining("[4, 3]");
    assertThatThrownBy(() -> w.writeChunk("v", new int[] {0, 0}, (from, count) -> TestArrays.sample(ZarrDType.FLOAT64, count, 3)))
        .isInstanceOf(ZarrException.class)
        .hasMessageContaining("chunk 0.0 of array 'v'");
    assertThat(tmp.resolve("bad.zarr/v/0.0")).doesNotExist();
  }

  @Test
  void aFailingReadLeavesNoChunkFile() throws Exception {
    ArrayMetadata meta = new ArrayMetadata(new int[] {400, 3000}, new int[] {400, 3000}, ZarrDType.FLOAT32, Compressor.zlib(4), null);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("fail.zarr"));
    w.createArray("v", List.of("t", "x"), meta, Map.of());
    assertThatThrownBy(() -> w.writeChunk("v", new int[] {0, 0}, (from, count) -> {
      if (from > 0) {
        throw new IOException("source went away at row " + from);
      }
      return TestArrays.sample(ZarrDType.FLOAT32, count, 3000);
    })).isInstanceOf(IOException.class).hasMessageContaining("source went away at row");
    try (var files = Files.list(tmp.resolve("fail.zarr/v"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly(".zarray", ".zattrs");
    }
  }

  @Test
  void scalarArraysAreWrittenWhole() {
    ArrayMetadata meta = new ArrayMetadata(new int[] {}, new int[] {}, ZarrDType.FLOAT64, Compressor.zlib(4), null);
    ZarrWriter w = ZarrWriter.create(tmp.resolve("scalar.zarr"));
    w.createArray("crs", List.of(), meta, Map.of());
    assertThatThrownBy(() -> w.writeChunk("crs", new int[] {}, (from, count) -> {
      throw new UncheckedIOException(new IOException("not called"));
    })).isInstanceOf(ZarrException.class).hasMessageContaining("no dimensions to read in slabs");
  }
}
