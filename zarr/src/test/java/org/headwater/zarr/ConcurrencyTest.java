package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

class ConcurrencyTest {
  @TempDir Path tmp;

  private static final List<ArrayMetadata> ARRAYS = List.of(
      new ArrayMetadata(new int[] {23, 17, 9}, new int[] {4, 5, 4}, ZarrDType.FLOAT32, Compressor.blosc("lz4", 5, 1), Double.NaN),
      new ArrayMetadata(new int[] {23, 17, 9}, new int[] {3, 3, 9}, ZarrDType.INT64, Compressor.zstd(3), -1),
      new ArrayMetadata(new int[] {23, 17, 9}, new int[] {7, 17, 2}, ZarrDType.UINT16, Compressor.zlib(6), null));

  private record Task(String name, ArrayMetadata meta, int[] index, Array data) {}

  private static List<Task> tasks() {
    List<Task> tasks = new ArrayList<>();
    for (int a = 0; a < ARRAYS.size(); a++) {
      ArrayMetadata m = ARRAYS.get(a);
      Array data = TestArrays.sample(m.dtype(), m.shape());
      ChunkGrid g = m.chunkGrid();
      for (int[] index : g.indices()) {
        tasks.add(new Task("v" + a, m, index, TestArrays.region(data, g.origin(index), g.regionShape(index))));
      }
    }
    return tasks;
  }

  private static ZarrWriter createStore(Path dir) {
    ZarrWriter w = ZarrWriter.create(dir);
    w.setGroupAttributes(Map.of("title", "concurrency"));
    for (int a = 0; a < ARRAYS.size(); a++) {
      w.createArray("v" + a, List.of("t", "y", "x"), ARRAYS.get(a), Map.of("index", a));
    }
    return w;
  }

  @Test
  void parallelChunkWritesGiveTheSameStoreAsSequentialWrites() throws Exception {
    List<Task> tasks = tasks();
    assertThat(tasks).hasSizeGreaterThan(100);

    ZarrWriter sequential = createStore(tmp.resolve("seq.zarr"));
    for (Task t : tasks) {
      sequential.writeChunk(t.name(), t.index(), t.data());
    }
    sequential.consolidate();

    List<Task> shuffled = new ArrayList<>(tasks);
    Collections.shuffle(shuffled, new java.util.Random(42));
    ZarrWriter parallel = createStore(tmp.resolve("par.zarr"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Task t : shuffled) {
        futures.add(pool.submit(() -> parallel.writeChunk(t.name(), t.index(), t.data())));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    parallel.consolidate();

    ZarrManifest.Manifest seq = ZarrManifest.of(tmp.resolve("seq.zarr"));
    ZarrManifest.Manifest par = ZarrManifest.of(tmp.resolve("par.zarr"));
    // 1 .zgroup + 1 .zattrs + 1 .zmetadata + per array (.zarray + .zattrs + chunks)
    int files = 3;
    for (ArrayMetadata m : ARRAYS) {
      files += 2 + (int) m.chunkGrid().size();
    }
    assertThat(seq.entries()).hasSize(files);
    assertThat(par.entries()).isEqualTo(seq.entries());
    assertThat(par.sha256()).isEqualTo(seq.sha256());

    ZarrReader r = ZarrReader.open(tmp.resolve("par.zarr"));
    for (int a = 0; a < ARRAYS.size(); a++) {
      TestArrays.assertSameArray(r.read("v" + a), TestArrays.sample(ARRAYS.get(a).dtype(), ARRAYS.get(a).shape()));
    }
  }

  @Test
  void concurrentReadsReturnCorrectRegions() throws Exception {
    ZarrWriter w = createStore(tmp.resolve("r.zarr"));
    for (Task t : tasks()) {
      w.writeChunk(t.name(), t.index(), t.data());
    }
    ZarrReader r = ZarrReader.open(tmp.resolve("r.zarr"));
    Array expected = TestArrays.sample(ZarrDType.INT64, 23, 17, 9);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        int[] origin = {i % 20, i % 14, i % 7};
        int[] shape = {3, 3, 2};
        results.add(pool.submit(() -> java.util.Arrays.equals((long[]) r.read("v1", origin, shape).copyTo1DJavaArray(),
            (long[]) TestArrays.copyOfRegion(expected, origin, shape).copyTo1DJavaArray())));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
