package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cloud-Optimized GeoTIFF of a 2-D slice several times larger than the heap: a real {@code
 * headwater run} in its own JVM with {@value #HEAP} writes {@code format: geotiff} from a NetCDF-4
 * file made by netCDF4-python whose one float32 variable is {@value #NX} x {@value #NY} ({@value
 * #MB} MB of values; chunked and deflated, a few MB on disk). The writer holds one strip of 256
 * rows per resolution level, so the run succeeds; GDAL's COG validator passes; values read by
 * GDAL in windows of the full resolution (the first tile, tile seams, the last partial tile row
 * and column) and of two overviews equal xarray's reading of the source ({@code source[::2^k,
 * ::2^k]} for overview k). Nothing else in this run holds the whole variable: the reader reads
 * the strips asked for, and the file header pass hashes only variables of at most 16 Mi values
 * (combine/Headers), which this one exceeds.
 */
class LargeCogSmallHeapIT {
  private static final String HEAP = "-Xmx96m";
  private static final int NX = 9001;
  private static final int NY = 8003;
  private static final int MB = 288;

  private static final String SOURCE = """
      import sys, numpy as np, netCDF4
      out, nx, ny = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
      d = netCDF4.Dataset(out, 'w', format='NETCDF4')
      d.createDimension('y', ny); d.createDimension('x', nx)
      x = d.createVariable('x', 'f8', ('x',)); x.standard_name = 'projection_x_coordinate'
      x.units = 'm'; x[:] = -1000000.0 + 250.0 * (np.arange(nx) + 0.5)
      y = d.createVariable('y', 'f8', ('y',)); y.standard_name = 'projection_y_coordinate'
      y.units = 'm'; y[:] = 1000000.0 - 250.0 * (np.arange(ny) + 0.5)
      crs = d.createVariable('crs', 'i4'); crs.grid_mapping_name = 'polar_stereographic'
      crs.straight_vertical_longitude_from_pole = -45.0; crs.latitude_of_projection_origin = 90.0
      crs.standard_parallel = 70.0; crs.false_easting = 0.0; crs.false_northing = 0.0
      crs.semi_major_axis = 6378137.0; crs.inverse_flattening = 298.257223563
      v = d.createVariable('field', 'f4', ('y', 'x'), zlib=True, complevel=1,
                           chunksizes=(500, 500), fill_value=np.float32(-9999.0))
      v.grid_mapping = 'crs'; v.units = 'm'
      gx = np.arange(nx)[None, :]
      for j in range(0, ny, 500):
          gy = np.arange(j, min(ny, j + 500))[:, None]
          f = ((gy // 37) * 0.25 + (gx // 53)).astype('f4')
          f[(gy > ny // 3) & (gy < ny // 2) & (gx > nx // 4) & (gx < nx // 3)] = -9999.0
          v[j:j + f.shape[0], :] = f
      d.close()
      """;

  private static final String CHECK = """
      import json, sys, numpy as np, xarray as xr
      from osgeo import gdal
      from osgeo_utils.samples import validate_cloud_optimized_geotiff as cog
      tif, src = sys.argv[1], sys.argv[2]
      warnings, errors, details = cog.validate(tif, full_check=True)
      s = xr.open_dataset(src, mask_and_scale=False)['field']
      ny, nx = s.shape
      g = gdal.Open(tif); b = g.GetRasterBand(1)
      out = {'errors': errors, 'size': [g.RasterXSize, g.RasterYSize], 'noData': b.GetNoDataValue(),
             'overviews': [[b.GetOverview(i).XSize, b.GetOverview(i).YSize]
                           for i in range(b.GetOverviewCount())], 'windows': {}}
      def check(name, band, f, r0, c0, h, w):
          got = band.ReadAsArray(c0, r0, w, h)
          want = s.isel(y=slice(r0 * f, (r0 + h) * f, f), x=slice(c0 * f, (c0 + w) * f, f)).values
          out['windows'][name] = bool(got.shape == want.shape and np.array_equal(got, want))
      check('first tile', b, 1, 0, 0, 256, 256)
      check('tile seams', b, 1, 2000, 2900, 300, 400)
      check('missing region', b, 1, ny // 3 - 10, nx // 4 - 10, 40, 40)
      check('last partial tile row and column', b, 1, ny - 300, nx - 300, 300, 300)
      o = b.GetOverview(0)
      check('overview 1 (every 2nd)', o, 2, o.YSize - 200, o.XSize - 260, 200, 260)
      last = b.GetOverviewCount() - 1
      o = b.GetOverview(last)
      check('smallest overview, whole', o, 2 ** (last + 1), 0, 0, o.YSize, o.XSize)
      print(json.dumps(out))
      """;

  @TempDir static Path dir;

  @Test
  void aSliceSeveralTimesTheHeapBecomesAValidCog() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs Debian's python3");
    Path src = dir.resolve("big.nc");
    python(SOURCE, src.toString(), Integer.toString(NX), Integer.toString(NY));
    assertThat(4L * NX * NY).as("the slice's bytes, against the heap's")
        .isGreaterThan(5L * (96L << 20) / 2);
    Path recipe = Files.writeString(dir.resolve("recipe.yaml"), String.join("\n",
        "id: big-cog",
        "title: One large grid as a Cloud-Optimized GeoTIFF",
        "description: A float32 grid larger than the run's heap, written as a COG.",
        "license: CC-BY-4.0",
        "creators:",
        "  - name: Josiah Carberry",
        "sources:",
        "  url: \"" + src.toUri() + "\"",
        "outputs:",
        "  - {name: cog, format: geotiff}",
        ""));
    Path work = dir.resolve("work");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("run.out");
    Process run = new ProcessBuilder(java, HEAP, "-XX:+UseParallelGC", "-cp",
        System.getProperty("java.class.path"), "org.headwater.cli.Headwater", "run",
        recipe.toString(), "--work", work.toString(), "--store", dir.resolve("lineage").toString())
        .redirectOutput(log.toFile()).redirectErrorStream(true).start();
    assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the run ends").isTrue();
    assertThat(run.exitValue()).as(Files.readString(log)).isZero();

    Path cog = single(work.resolve("runs")).resolve("outputs/cog");
    assertThat(list(cog)).as("one file, no spool or temporary file").containsExactly("field.tif");
    JsonNode c = new ObjectMapper().readTree(
        python(CHECK, cog.resolve("field.tif").toString(), src.toString()));
    assertThat(c.get("errors")).as(c.toString()).isEmpty();
    assertThat(c.get("size").toString()).isEqualTo("[" + NX + "," + NY + "]");
    assertThat(c.get("noData").asDouble()).isEqualTo(-9999.0);
    assertThat(c.get("overviews").toString()).isEqualTo("[[4501,4002],[2251,2001],[1126,1001],"
        + "[563,501],[282,251],[141,126]]");
    assertThat(c.get("windows").size()).isEqualTo(6);
    c.get("windows").fields().forEachRemaining(
        w -> assertThat(w.getValue().asBoolean()).as(w.getKey()).isTrue());
  }

  private static String python(String code, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-c", code));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static Path single(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs)) {
      List<Path> dirs = s.filter(Files::isDirectory).toList();
      assertThat(dirs).hasSize(1);
      return dirs.get(0);
    }
  }

  private static List<String> list(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
