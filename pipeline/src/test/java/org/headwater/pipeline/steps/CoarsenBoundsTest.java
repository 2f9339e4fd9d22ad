package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.headwater.pipeline.testing.StepRunner.run;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;

/**
 * {@code coarsen} on CF cell bounds: a coarse cell's bounds are the outer corners of its block.
 *
 * <p>The fine grid is 4 x 6 cells of a skewed (curvilinear) lat/lon grid whose cell corners, at
 * corner row a (0..4) and column b (0..6), are lat = LAT[a] + 0.1 b and lon = LON[b] + 0.5 a.
 */
class CoarsenBoundsTest {
  static final double[] LAT = {60, 61, 62.5, 64, 65};
  static final double[] LON = {-50, -48, -46, -43, -40, -38, -35};

  static double lat(int a, int b) {
    return LAT[a] + 0.1 * b;
  }

  static double lon(int a, int b) {
    return LON[b] + 0.5 * a;
  }

  /** Corner offsets (da, db) of vertex 0..3 of a cell. */
  static final int[][] CF_ORDER = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};

  static MemoryDataset grid(int[][] order) {
    double[] la = new double[4 * 6 * 4];
    double[] lo = new double[4 * 6 * 4];
    double[] c = new double[4 * 6];
    for (int j = 0; j < 4; j++) {
      for (int i = 0; i < 6; i++) {
        for (int k = 0; k < 4; k++) {
          la[(j * 6 + i) * 4 + k] = lat(j + order[k][0], i + order[k][1]);
          lo[(j * 6 + i) * 4 + k] = lon(j + order[k][0], i + order[k][1]);
        }
        c[j * 6 + i] = j * 6 + i;
      }
    }
    return new MemoryDataset().dim("y", 4).dim("x", 6).dim("nv", 4)
        .var("lat", DType.FLOAT64, List.of("y", "x"), new double[24], null,
            "units", "degrees_north", "bounds", "lat_bnds")
        .var("lon", DType.FLOAT64, List.of("y", "x"), new double[24], null,
            "units", "degrees_east", "bounds", "lon_bnds")
        .var("lat_bnds", DType.FLOAT64, List.of("y", "x", "nv"), la, null)
        .var("lon_bnds", DType.FLOAT64, List.of("y", "x", "nv"), lo, null)
        .var("v", DType.FLOAT32, List.of("y", "x"), c, Float.NaN, "coordinates", "lat lon");
  }

  @Test
  void twoDimensionalBoundsAreTheOuterCornersOfEachBlock() throws Exception {
    Dataset out = run(grid(CF_ORDER), "coarsen", "factors", Map.of("y", 2, "x", 3));
    assertThat(out.schema().dimensionLength("y")).isEqualTo(2);
    assertThat(out.schema().dimensionLength("x")).isEqualTo(2);
    // by hand: coarse cell (J, I) spans corners a = 2J..2J+2, b = 3I..3I+3
    assertThat(values(out, "lat_bnds")).containsExactly(new double[] {
        60, 60.3, 62.8, 62.5, /* */ 60.3, 60.6, 63.1, 62.8,
        62.5, 62.8, 65.3, 65, /* */ 62.8, 63.1, 65.6, 65.3}, offset(1e-9));
    assertThat(values(out, "lon_bnds")).containsExactly(new double[] {
        -50, -43, -42, -49, /* */ -43, -35, -34, -42,
        -49, -42, -41, -48, /* */ -42, -34, -33, -41}, offset(1e-9));
    assertThat(values(out, "v")).containsExactly(new double[] {4, 7, 16, 19}, offset(1e-6));
  }

  @Test
  void anyStartingVertexAndDirectionIsFollowed() throws Exception {
    int[][] clockwiseFromTop = {{1, 0}, {1, 1}, {0, 1}, {0, 0}};
    Dataset out = run(grid(clockwiseFromTop), "coarsen", "factors", Map.of("y", 2, "x", 3));
    double[] lat = values(out, "lat_bnds");
    double[] lon = values(out, "lon_bnds");
    for (int cj = 0; cj < 2; cj++) {
      for (int ci = 0; ci < 2; ci++) {
        for (int k = 0; k < 4; k++) {
          int a = 2 * cj + 2 * clockwiseFromTop[k][0];
          int b = 3 * ci + 3 * clockwiseFromTop[k][1];
          int at = (cj * 2 + ci) * 4 + k;
          assertThat(lat[at]).as("lat vertex %d of (%d, %d)", k, cj, ci).isCloseTo(lat(a, b), offset(1e-9));
          assertThat(lon[at]).as("lon vertex %d of (%d, %d)", k, cj, ci).isCloseTo(lon(a, b), offset(1e-9));
        }
      }
    }
  }

  @Test
  void coarseningOneDimensionKeepsTheOtherSidesOfEachCell() throws Exception {
    Dataset out = run(grid(CF_ORDER), "coarsen", "factors", Map.of("x", 2));
    // coarse cell (0, 0) spans corners a = 0..1, b = 0..2
    assertThat(java.util.Arrays.copyOf(values(out, "lat_bnds"), 4))
        .containsExactly(new double[] {60, 60.2, 61.2, 61}, offset(1e-9));
    assertThat(java.util.Arrays.copyOf(values(out, "lon_bnds"), 4))
        .containsExactly(new double[] {-50, -46, -45.5, -49.5}, offset(1e-9));
  }

  @Test
  void oneDimensionalBoundsOfADecreasingCoordinate() throws Exception {
    MemoryDataset d = new MemoryDataset().dim("lat", 5).dim("nv", 2)
        .var("lat", DType.FLOAT64, List.of("lat"), new double[] {85, 75, 65, 55, 45}, null,
            "units", "degrees_north", "bounds", "lat_bnds")
        .var("lat_bnds", DType.FLOAT64, List.of("lat", "nv"),
            new double[] {90, 80, 80, 70, 70, 60, 60, 50, 50, 40}, null);
    Dataset out = run(d, "coarsen", "factors", Map.of("lat", 2));
    assertThat(values(out, "lat")).containsExactly(80, 60);
    assertThat(values(out, "lat_bnds")).containsExactly(90, 70, 70, 50);
  }
}
