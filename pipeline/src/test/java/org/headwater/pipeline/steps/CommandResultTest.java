package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.params;
import static org.headwater.pipeline.testing.StepRunner.runAll;
import static org.headwater.pipeline.testing.StepRunner.spec;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.testing.MemoryDataset;
import org.headwater.pipeline.testing.OpenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

/** Reading back what run_command wrote: one open file for all reads, closed with the dataset. */
class CommandResultTest {
  static final int NY = 30;
  static final int NX = 20;

  @TempDir Path tmp;

  static double expected(int y, int x) {
    return (y * 7 + x) % 11 == 0 ? Double.NaN : 100 * y + x + 0.5;
  }

  /** The field, written by {@code cp {input} {output}}: the output holds the input's values. */
  Dataset copied() {
    double[] v = new double[NY * NX];
    for (int i = 0; i < v.length; i++) {
      v[i] = expected(i / NX, i % NX);
    }
    double[] x = new double[NX];
    for (int i = 0; i < NX; i++) {
      x[i] = i;
    }
    MemoryDataset field = new MemoryDataset().dim("y", NY).dim("x", NX)
        .var("x", DType.INT32, List.of("x"), x, null)
        .var("v", DType.FLOAT32, List.of("y", "x"), v, Float.NaN, "units", "m");
    return runAll(field, tmp, spec(0, "run_command",
        params("command", List.of("cp", "{input}", "{output}")))).dataset();
  }

  Path output() {
    return tmp.resolve("steps/data/step-1-run_command/output.nc");
  }

  static void assertRegion(Array a, int y0, int x0, int ny, int nx) {
    assertThat(a.getShape()).containsExactly(ny, nx);
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double want = expected(y0 + j, x0 + i);
        double got = a.getDouble(j * nx + i);
        if (Double.isNaN(want)) {
          assertThat(got).as("v[%d, %d]", y0 + j, x0 + i).isNaN();
        } else {
          assertThat(got).as("v[%d, %d]", y0 + j, x0 + i).isEqualTo((float) want);
        }
      }
    }
  }

  @Test
  void readsManyRegionsThroughOneOpenFileClosedWithTheDataset() throws Exception {
    Dataset d = copied();
    assertThat(OpenFiles.under(tmp)).as("opened by the first read, not before").isEmpty();
    List<String> first = null;
    int regions = 0;
    for (int y0 = 0; y0 < NY; y0 += 4) {
      for (int x0 = 0; x0 < NX; x0 += 3) {
        int ny = Math.min(1 + regions % 6, NY - y0);
        int nx = Math.min(1 + regions % 5, NX - x0);
        assertRegion(d.read("v", new int[] {y0, x0}, new int[] {ny, nx}), y0, x0, ny, nx);
        if (first == null) {
          first = OpenFiles.under(tmp);
          assertThat(first).singleElement().asString().endsWith("/output.nc");
        }
        assertThat(OpenFiles.under(tmp)).as("after region %d", regions).isEqualTo(first);
        regions++;
      }
    }
    assertThat(regions).isEqualTo(56);
    assertThat(values(d, "x")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16, 17, 18, 19);
    assertThat(OpenFiles.under(tmp)).isEqualTo(first);

    d.close();
    assertThat(OpenFiles.under(tmp)).as("after close").isEmpty();
    assertRegion(d.read("v", new int[] {5, 5}, new int[] {3, 3}), 5, 5, 3, 3);
    assertThat(OpenFiles.under(tmp)).as("a read after close opens it again").hasSize(1);
    d.close();
    assertThat(OpenFiles.under(tmp)).isEmpty();
  }

  @Test
  void failedReadsLeaveNoFileOpenAndTheNextReadTriesAgain() throws Exception {
    Dataset d = copied();
    byte[] written = Files.readAllBytes(output());
    Files.writeString(output(), "not NetCDF");
    assertThatThrownBy(() -> d.read("v", new int[] {0, 0}, new int[] {1, 1}))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(output() + " is not a readable NetCDF file");
    assertThat(OpenFiles.under(tmp)).isEmpty();

    Files.write(output(), written);
    assertRegion(d.read("v", new int[] {0, 0}, new int[] {NY, NX}), 0, 0, NY, NX);
    assertThatThrownBy(() -> d.read("v", new int[] {NY - 1, 0}, new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region outside variable 'v'");
    assertThatThrownBy(() -> d.read("nope", new int[] {0}, new int[] {1}))
        .hasMessageContaining("nope");
    assertThat(OpenFiles.under(tmp)).as("still the one file").hasSize(1);
    d.close();
    assertThat(OpenFiles.under(tmp)).isEmpty();
  }
}
