package org.headwater.pipeline.format.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

/**
 * The COG writer reads its slice strip by strip and leaves nothing behind but the finished file:
 * no spool or temporary file, and no file at all when a read fails part-way. (What GDAL reads from
 * the files is checked in GeoTiffIT and, for a slice larger than the heap, in the CLI's
 * LargeCogSmallHeapIT.)
 */
class CogStreamingTest {
  private static final int ROWS = 600;
  private static final int COLS = 700;

  /** A lon/lat grid with latitude ascending (rows are written in reverse), float32 values. */
  private static MemoryDataset grid() {
    double[] lat = new double[ROWS];
    double[] lon = new double[COLS];
    double[] v = new double[ROWS * COLS];
    for (int j = 0; j < ROWS; j++) {
      lat[j] = 60 + 0.01 * j;
    }
    for (int i = 0; i < COLS; i++) {
      lon[i] = 10 + 0.01 * i;
    }
    for (int k = 0; k < v.length; k++) {
      v[k] = k % 977 == 0 ? Double.NaN : Math.sin(k / 5000.0);
    }
    return new MemoryDataset().dim("lat", ROWS).dim("lon", COLS)
        .var("lat", DType.FLOAT64, List.of("lat"), lat, null, "units", "degrees_north")
        .var("lon", DType.FLOAT64, List.of("lon"), lon, null, "units", "degrees_east")
        .var("v", DType.FLOAT32, List.of("lat", "lon"), v, -9999f, "units", "m");
  }

  /** Records the rows of each read of {@code v}; throws on read number {@code failAt}. */
  private static final class Recording implements Dataset {
    final Dataset inner = grid();
    final List<int[]> reads = new ArrayList<>();
    final int failAt;

    Recording(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public DatasetSchema schema() {
      return inner.schema();
    }

    @Override
    public Array read(String variable, int[] origin, int[] shape) throws IOException {
      if (variable.equals("v")) {
        reads.add(new int[] {origin[0], shape[0], shape[1]});
        if (reads.size() == failAt) {
          throw new IOException("disk gone at read " + failAt);
        }
      }
      return inner.read(variable, origin, shape);
    }
  }

  private static void write(Dataset data, Path dir) throws IOException {
    OutputSpec spec = new OutputSpec("out", "out", "geotiff", Map.of(), Map.of(), "out");
    new GeoTiffFormat().write(data, spec, dir, new WriteTask("out", "out", "v", 0));
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void readsTheSliceInStripsOfOneTileRowSouthernmostLastWhenLatitudeAscends(@TempDir Path dir)
      throws IOException {
    Recording data = new Recording(-1);
    write(data, dir);
    assertThat(data.reads).extracting(r -> List.of(r[0], r[1], r[2])).containsExactly(
        List.of(ROWS - 256, 256, COLS), List.of(ROWS - 512, 256, COLS), List.of(0, 88, COLS));
    assertThat(files(dir)).as("no spool or temporary file left").containsExactly("v.tif");
  }

  @Test
  void aReadFailingPartWayLeavesNoFileBehind(@TempDir Path dir) throws IOException {
    Recording data = new Recording(3);
    assertThatThrownBy(() -> write(data, dir)).isInstanceOf(IOException.class)
        .hasMessage("disk gone at read 3");
    assertThat(files(dir)).isEmpty();
  }

  @Test
  void aFailedRewriteKeepsTheFileThatWasThere(@TempDir Path dir) throws IOException {
    write(new Recording(-1), dir);
    byte[] before = Files.readAllBytes(dir.resolve("v.tif"));
    assertThatThrownBy(() -> write(new Recording(2), dir)).isInstanceOf(IOException.class);
    assertThat(files(dir)).containsExactly("v.tif");
    assertThat(Files.readAllBytes(dir.resolve("v.tif"))).isEqualTo(before);
  }
}
