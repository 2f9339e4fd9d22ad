package org.headwater.pipeline.format.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format: geotiff} on an archive-shaped source made by netCDF4-python (packed int16, 2-D
 * lat/lon with bounds, NSIDC polar stereographic north), checked by GDAL's COG validator, gdalinfo
 * and rasterio against xarray's reading of the source.
 */
class GeoTiffIT {
  @TempDir static Path tmp;
  static Path source;

  @BeforeAll
  static void writeSource() throws Exception {
    Python.require("python3-gdal python3-rasterio python3-netcdf4 python3-xarray",
        "osgeo.gdal", "rasterio", "netCDF4", "xarray");
    source = tmp.resolve("seaice.nc");
    Python.run(script("seaice_fixture.py"), source.toString(), "2", "300", "320");
  }

  static String script(String name) throws Exception {
    try (var in = GeoTiffIT.class.getResourceAsStream("/geotiff/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static JsonNode check(Path tif, Path src, String variable, int time) throws Exception {
    return new ObjectMapper().readTree(Python.run(script("check_cog.py"), tif.toString(),
        src.toString(), variable, Integer.toString(time)));
  }

  static String recipe(Path src, String steps, String output) {
    return "id: cog\nsources:\n  url: \"" + src.toUri() + "\"\n" + steps + "outputs:\n  - "
        + output + "\n";
  }

  static Path outputs(RunResult r) {
    return r.runDir().resolve("outputs");
  }

  @Test
  void writesOneValidCogPerTimeStepInEpsg3413WithTheSourceValues() throws Exception {
    RunResult r = Recipes.run(recipe(source, "", "{name: ice, format: geotiff}"),
        Files.createTempDirectory(tmp, "work"));
    Path dir = outputs(r).resolve("ice");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("ice_time-1978-10-26.tif", "ice_time-1978-10-27.tif");
    }
    for (int t = 0; t < 2; t++) {
      JsonNode c = check(dir.resolve("ice_time-1978-10-2" + (6 + t) + ".tif"), source, "ice", t);
      assertThat(c.get("errors")).as(c.toString()).isEmpty();
      assertThat(c.get("overviews").size()).as("internal overviews").isEqualTo(1);
      assertThat(c.get("block").toString()).isEqualTo("[256,256]");
      assertThat(c.get("compression").asText()).isEqualTo("DEFLATE");
      assertThat(c.get("epsg").asInt()).isEqualTo(3413);
      assertThat(c.get("wkt").asText()).contains("ID[\"EPSG\",3413]");
      assertThat(c.get("geoTransform").toString())
          .isEqualTo("[-3850000.0,25000.0,0.0,5850000.0,0.0,-25000.0]");
      assertThat(c.get("dtype").asText()).isEqualTo("int16");
      assertThat(c.get("noData").asDouble()).isEqualTo(-32767.0);
      assertThat(c.get("scale").asDouble()).isEqualTo(0.01);
      assertThat(c.get("metadata").get("standard_name").asText())
          .isEqualTo("sea_ice_area_fraction");
      assertThat(c.get("metadata").get("time").asText()).isEqualTo("1978-10-2" + (6 + t));
      assertThat(c.get("sameMask").asBoolean()).isTrue();
      assertThat(c.get("valid").asInt()).isGreaterThan(1000);
      assertThat(c.get("sameStored").asBoolean()).as("int16 values as stored").isTrue();
      assertThat(c.get("maxDiff").asDouble()).as("xarray decodes to float32").isLessThan(1e-6);
    }
  }

  @Test
  void bandsPutTimeInBandsAndRowsRunNorthFirstWhenYAscends() throws Exception {
    Path up = tmp.resolve("ascending.nc");
    Python.run(script("seaice_fixture.py"), up.toString(), "3", "40", "50", "ascending");
    RunResult r = Recipes.run(
        recipe(up, "", "{name: ice, format: geotiff, bands: time, compressor: {id: zstd}}"),
        Files.createTempDirectory(tmp, "work"));
    Path tif = outputs(r).resolve("ice").resolve("ice.tif");
    JsonNode c = check(tif, up, "ice", 0);
    assertThat(c.get("errors")).as(c.toString()).isEmpty();
    assertThat(c.get("sameMask").asBoolean()).isTrue();
    assertThat(c.get("sameStored").asBoolean()).isTrue();
    assertThat(c.get("maxDiff").asDouble()).isLessThan(1e-6);
    assertThat(c.get("geoTransform").toString())
        .isEqualTo("[-3850000.0,25000.0,0.0,5850000.0,0.0,-25000.0]");
    String bands = Python.run("from osgeo import gdal\nimport sys\n"
        + "d = gdal.Open(sys.argv[1])\n"
        + "print(d.RasterCount, [d.GetRasterBand(i + 1).GetDescription()"
        + " for i in range(d.RasterCount)],"
        + " d.GetMetadata('IMAGE_STRUCTURE').get('COMPRESSION'))\n", tif.toString());
    assertThat(bands.trim()).isEqualTo("3 ['time=1978-10-26', 'time=1978-10-27',"
        + " 'time=1978-10-28'] ZSTD");
  }

  @Test
  void aVariableWithNoGridNamesItAndTheFix() throws Exception {
    assertFails("  - {step: delete_attributes, variable: ice, attributes: [grid_mapping]}\n",
        "{name: ice, format: geotiff}",
        "output 'ice': variable 'ice' has no recognisable grid for GeoTIFF (it has no grid_mapping"
            + " attribute and its x/y coordinates are not longitude/latitude); give it a CF"
            + " grid_mapping");
  }

  /** A lon/lat grid with two dimensions besides it, made by netCDF-C's ncgen. */
  private static final String CDL = String.join("\n",
      "netcdf sst {",
      "dimensions:",
      "  time = 2 ; depth = 2 ; lat = 3 ; lon = 4 ;",
      "variables:",
      "  double time(time) ; time:units = \"days since 2000-01-01\" ;",
      "  float depth(depth) ; depth:units = \"m\" ;",
      "  float lat(lat) ; lat:units = \"degrees_north\" ;",
      "  float lon(lon) ; lon:units = \"degrees_east\" ;",
      "  float temp(time, depth, lat, lon) ; temp:_FillValue = -999.f ; temp:units = \"K\" ;",
      "data:",
      "  time = 0, 1 ; depth = 0, 10 ; lat = 60, 61, 62 ; lon = 10, 11, 12, 13 ;",
      "  temp = " + String.join(", ", java.util.Collections.nCopies(47, "271.5")) + ", -999 ;",
      "}");

  @Test
  void moreThanOneExtraDimensionWithoutBandsNamesTheVariableAndTheFix() throws Exception {
    assertFails(sst(), "", "{name: sst, format: geotiff}",
        "output 'sst': variable 'temp' has 2 dimensions besides its grid [time, depth]; GeoTIFF"
            + " takes one file per 2-D slice along one of them: give bands: time or select one"
            + " time with a subset step");
  }

  @Test
  void aLonLatGridIsEpsg4326AndBandsLeaveOneSliceDimension() throws Exception {
    RunResult r = Recipes.run(recipe(sst(), "", "{name: sst, format: geotiff, bands: depth}"),
        Files.createTempDirectory(tmp, "work"));
    Path tif = outputs(r).resolve("sst").resolve("temp_time-2000-01-02.tif");
    String out = Python.run("import json, subprocess, sys\n"
        + "from osgeo_utils.samples import validate_cloud_optimized_geotiff as cog\n"
        + "import rasterio\n"
        + "w, e, d = cog.validate(sys.argv[1])\n"
        + "with rasterio.open(sys.argv[1]) as r:\n"
        + "  a = r.read()\n"
        + "  print(json.dumps({'errors': e, 'epsg': r.crs.to_epsg(), 'bands': r.count,"
        + " 'transform': list(r.transform)[:6], 'last': float(a[1, 2, 3]),"
        + " 'nodata': r.nodata, 'dtype': r.dtypes[0]}))\n", tif.toString());
    JsonNode c = new ObjectMapper().readTree(out);
    assertThat(c.get("errors")).isEmpty();
    assertThat(c.get("epsg").asInt()).isEqualTo(4326);
    assertThat(c.get("bands").asInt()).isEqualTo(2);
    assertThat(c.get("transform").toString()).isEqualTo("[1.0,0.0,9.5,0.0,-1.0,62.5]");
    assertThat(c.get("dtype").asText()).isEqualTo("float32");
    assertThat(c.get("nodata").asDouble()).isEqualTo(-999.0);
    assertThat(c.get("last").asDouble()).as("lat 60 is the last row").isEqualTo(271.5);
  }

  private static Path sst() throws Exception {
    Path nc = tmp.resolve("sst.nc");
    if (!Files.exists(nc)) {
      Path cdl = tmp.resolve("sst.cdl");
      Files.writeString(cdl, CDL);
      Process p = new ProcessBuilder("ncgen", "-k", "nc4", "-o", nc.toString(), cdl.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(log).isZero();
    }
    return nc;
  }

  private static void assertFails(String steps, String output, String message) throws Exception {
    assertFails(source, steps, output, message);
  }

  private static void assertFails(Path src, String steps, String output, String message)
      throws Exception {
    Path work = Files.createTempDirectory(tmp, "work");
    String text = recipe(src, steps.isEmpty() ? "" : "steps:\n" + steps, output);
    assertThatThrownBy(() -> Recipes.run(text, work))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
