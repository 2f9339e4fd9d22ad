package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.headwater.provenance.record.StepRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproject} from NSIDC polar stereographic north (EPSG:3413) to EPSG:4326, against
 * {@code gdalwarp} on the same source (made by netCDF4-python), same grid (-te/-tr), same method.
 */
class ReprojectIT {
  @TempDir static Path tmp;
  static Path source;

  static final String BOUNDS = "[-100, 60, 10, 85]";
  static final String RES = "0.25";

  @BeforeAll
  static void writeSource() throws Exception {
    Python.require("python3-gdal python3-netcdf4 python3-xarray", "osgeo.gdal", "netCDF4",
        "xarray");
    source = tmp.resolve("seaice.nc");
    Python.run(script("seaice_fixture.py"), source.toString(), "1", "300", "320");
  }

  static String script(String name) throws Exception {
    try (var in = ReprojectIT.class.getResourceAsStream("/geotiff/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static String recipe(String reproject) {
    return "id: warp\nsources:\n  url: \"" + source.toUri() + "\"\nsteps:\n  - " + reproject
        + "\noutputs:\n  - {name: out, format: netcdf4}\n";
  }

  private static JsonNode compare(String method) throws Exception {
    RunResult r = Recipes.run(recipe("{step: reproject, crs: 'EPSG:4326', bounds: " + BOUNDS
        + ", resolution: " + RES + ", resampling: " + method + "}"),
        Files.createTempDirectory(tmp, "work"));
    StepRecord step = r.record().steps().get(0);
    Map<String, Object> d = step.details();
    assertThat(d).containsEntry("sourceCrs", "EPSG:3413").containsEntry("targetCrs", "EPSG:4326")
        .containsEntry("resampling", method);
    assertThat(String.valueOf(d.get("targetCrsWkt"))).contains("WGS 84");
    Path out = r.runDir().resolve("outputs").resolve("out.nc");
    JsonNode c = new ObjectMapper().readTree(Python.run(script("compare_warp.py"),
        source.toString(), "ice", out.toString(), method, "-100", "60", "10", "85", RES));
    System.out.println("[reproject vs gdalwarp] " + method + ": " + c);
    return c;
  }

  @Test
  void nearestMatchesGdalwarp() throws Exception {
    JsonNode c = compare("nearest");
    assertThat(c.get("shape").toString()).isEqualTo("[100,440]").isEqualTo(
        c.get("warpShape").toString());
    assertThat(c.get("firstLat").asDouble()).isEqualTo(84.875);
    assertThat(c.get("both").asInt()).isGreaterThan(10000);
    assertThat(c.get("maskAgreement").asDouble()).as(c.toString()).isGreaterThan(0.999);
    assertThat(c.get("equalShare").asDouble()).as(c.toString()).isGreaterThan(0.999);
  }

  @Test
  void bilinearMatchesGdalwarp() throws Exception {
    JsonNode c = compare("bilinear");
    assertThat(c.get("maskAgreement").asDouble()).as(c.toString()).isGreaterThan(0.999);
    assertThat(c.get("maxDiff").asDouble()).as(c.toString()).isLessThan(1e-6);
  }

  @Test
  void averageMatchesGdalwarp() throws Exception {
    JsonNode c = compare("average");
    assertThat(c.get("maskAgreement").asDouble()).as(c.toString()).isGreaterThan(0.99);
    assertThat(c.get("p99Diff").asDouble()).as(c.toString()).isLessThan(0.05);
  }

  @Test
  void anUnknownEpsgCodeIsOneLineNamingIt() {
    assertThatThrownBy(() -> Recipes.run(recipe("{step: reproject, crs: 'EPSG:999999'}"),
            Files.createTempDirectory(tmp, "work")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("step 'reproject' parameter 'crs': 'EPSG:999999' is not a CRS")
        .hasMessageContaining("give an EPSG code such as EPSG:3413")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aTargetWhoseAreaOfUseMissesTheGridIsRefused() {
    assertThatThrownBy(() -> Recipes.run(recipe("{step: reproject, crs: 'EPSG:3031'}"),
            Files.createTempDirectory(tmp, "work")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("EPSG:3031 is for longitudes")
        .hasMessageContaining("choose a CRS whose area of use covers the data")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
