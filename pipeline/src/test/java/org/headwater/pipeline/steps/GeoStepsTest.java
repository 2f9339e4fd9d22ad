package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.run;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.geo.GridCrs;
import org.headwater.pipeline.geo.GridMappings;
import org.headwater.pipeline.format.netcdf.NetcdfSource;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** subset, coarsen, clip_to_polygon. */
class GeoStepsTest {
  static final double N = Double.NaN;
  @TempDir Path tmp;

  NetcdfSource demo() throws Exception {
    DemoData.write(tmp);
    return NetcdfSource.open(tmp.resolve(DemoData.fileName(1)), "member1");
  }

  @Test
  void subsetByIndexesCutsEveryVariableOnTheDimension() throws Exception {
    Dataset out = run(MemoryDataset.grid(), "subset", "indexes", Map.of("x", List.of(1, 3)));
    assertThat(out.schema().dimensionLength("x")).isEqualTo(2);
    assertThat(values(out, "x")).containsExactly(100, 200);
    assertThat(values(out, "v")).containsExactly(1, 2, 11, 12, 21, 22);
  }

  @Test
  void subsetByCoordinateValues() throws Exception {
    Dataset out = run(MemoryDataset.grid(), "subset", "values", Map.of("y", List.of(50, 250)));
    assertThat(values(out, "y")).containsExactly(100, 200);
  }

  @Test
  void subsetByBboxOn2dLatLonTakesSmallestCoveringWindow() throws Exception {
    try (NetcdfSource d = demo()) {
      Dataset out = run(d, "subset", "bbox", List.of(-52, 66, -36, 74));
      double[] lat = values(d, "lat");
      double[] lon = values(d, "lon");
      int jlo = 99, jhi = -1, ilo = 99, ihi = -1;
      for (int k = 0; k < lat.length; k++) {
        if (lat[k] >= 66 && lat[k] <= 74 && lon[k] >= -52 && lon[k] <= -36) {
          jlo = Math.min(jlo, k / DemoData.NX);
          jhi = Math.max(jhi, k / DemoData.NX);
          ilo = Math.min(ilo, k % DemoData.NX);
          ihi = Math.max(ihi, k % DemoData.NX);
        }
      }
      assertThat(out.schema().dimensionLength("y")).isEqualTo(jhi - jlo + 1);
      assertThat(out.schema().dimensionLength("x")).isEqualTo(ihi - ilo + 1);
      assertThat(values(out, "x")[0]).isEqualTo(DemoData.X0 + ilo * DemoData.DX);
      assertThat(out.schema().variable("velsurf_mag").steps()).containsExactly(0);
    }
  }

  @Test
  void subsetByTimeWindowInTheFileCalendar() throws Exception {
    try (NetcdfSource d = demo()) {
      Dataset out = run(d, "subset", "time", List.of("2016", "2017-12-31"));
      assertThat(out.schema().dimensionLength("time")).isEqualTo(2);
      assertThat(values(out, "time_bnds")).hasSize(4);
    }
  }

  @Test
  void emptySubsetIsAnError() {
    assertThatThrownBy(() -> run(MemoryDataset.grid(), "subset", "values", Map.of("x", List.of(1000, 2000))))
        .isInstanceOf(StepException.class).hasMessageContaining("would be empty");
  }

  @Test
  void coarsenMeanExcludesMissingAndAveragesCoordinates() throws Exception {
    MemoryDataset d = MemoryDataset.grid()
        .var("w", DType.FLOAT32, List.of("y", "x"), new double[] {1, N, 3, 5, 2, 2, 4, 4, 9, 9, 9, 9},
            Float.NaN, "units", "m");
    Dataset out = run(d, "coarsen", "factors", Map.of("x", 2, "y", 2));
    assertThat(out.schema().dimensionLength("y")).isEqualTo(1);
    assertThat(values(out, "x")).containsExactly(50, 250);
    assertThat(values(out, "w")).containsExactly(new double[] {5.0 / 3, 4}, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void coarsenReductionMaxAndMin() throws Exception {
    assertThat(values(run(MemoryDataset.grid(), "coarsen", "factors", Map.of("x", 2),
        "reduction", "max"), "v")).containsExactly(1, 3, 11, 13, 21, 23);
    assertThat(values(run(MemoryDataset.grid(), "coarsen", "factors", Map.of("x", 2),
        "reduction", "min"), "v")).containsExactly(0, 2, 10, 12, 20, 22);
  }

  @Test
  void coarsenBoundaryExactRejectsARemainder() throws Exception {
    assertThat(run(MemoryDataset.grid(), "coarsen", "factors", Map.of("y", 2)).schema()
        .dimensionLength("y")).isEqualTo(1);
    assertThatThrownBy(() -> run(MemoryDataset.grid(), "coarsen", "factors", Map.of("y", 2),
        "boundary", "exact")).hasMessageContaining("length 3, which factor 2 does not divide");
    assertThatThrownBy(() -> run(MemoryDataset.grid(), "coarsen", "factors", Map.of("z", 2)))
        .hasMessageContaining("no dimension 'z'");
  }

  @Test
  void coarsenKeepsOuterBounds() throws Exception {
    try (NetcdfSource d = demo()) {
      Dataset out = run(d, "coarsen", "factors", Map.of("time", 3));
      double[] b = values(out, "time_bnds");
      double[] in = values(d, "time_bnds");
      assertThat(b).containsExactly(in[0], in[5]);
    }
  }

  @Test
  void clipInGridCoordinates() throws Exception {
    Map<String, Object> square = Map.of("type", "Polygon", "coordinates",
        List.of(List.of(List.of(-50, -50), List.of(150, -50), List.of(150, 150), List.of(-50, 150))));
    Dataset out = run(MemoryDataset.grid(), "clip_to_polygon", "geojson", square, "crs", "grid");
    assertThat(values(out, "v")).containsExactly(0, 1, N, N, 10, 11, N, N, N, N, N, N);
  }

  @Test
  void clipLonLatPolygonOnEpsg3413Grid() throws Exception {
    try (NetcdfSource d = demo()) {
      Path file = tmp.resolve("box.geojson");
      Files.writeString(file, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
          + "\"coordinates\":[[[-50,66],[-36,66],[-36,74],[-50,74],[-50,66]]]}}");
      Dataset out = run(d, "clip_to_polygon", "file", file.toString(), "segments", 32);
      double[] lat = values(d, "lat");
      double[] lon = values(d, "lon");
      double[] in = values(d, "velsurf_mag");
      double[] got = values(out, "velsurf_mag");
      int kept = 0;
      for (int k = 0; k < lat.length; k++) {
        boolean inside = lat[k] > 66.05 && lat[k] < 73.95 && lon[k] > -49.95 && lon[k] < -36.05;
        boolean outside = lat[k] < 65.95 || lat[k] > 74.05 || lon[k] < -50.05 || lon[k] > -35.95;
        if (inside) {
          assertThat(got[k]).isEqualTo(in[k]);
          kept++;
        } else if (outside) {
          assertThat(got[k]).isNaN();
        }
      }
      assertThat(kept).isGreaterThan(20);
    }
  }

  @Test
  void clipPolygonOutsideTheGridIsAnError() throws Exception {
    try (NetcdfSource d = demo()) {
      Map<String, Object> far = Map.of("type", "Polygon", "coordinates",
          List.of(List.of(List.of(10, 40), List.of(11, 40), List.of(11, 41), List.of(10, 40))));
      assertThatThrownBy(() -> run(d, "clip_to_polygon", "geojson", far))
          .isInstanceOf(StepException.class).hasMessageContaining("covers no cell of the grid");
    }
  }

  @Test
  void polarStereographicFromGridMappingMatchesEpsg3413() throws Exception {
    try (NetcdfSource d = demo()) {
      GridCrs crs = GridMappings.crs(d.schema().variable("mapping").attributes());
      assertThat(crs.epsg()).hasValue(3413);
      assertThat(crs.label()).isEqualTo("EPSG:3413");
    }
  }
}
