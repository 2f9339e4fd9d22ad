package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.assertj.core.data.Offset;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.StepRecord;
import org.headwater.zarr.ZarrReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

class DemoRecipeIT {
  @Test
  void writesOneCogInEpsg3413AndOneReprojectedToEpsg4326() {
    org.headwater.pipeline.testing.Python.require("python3-gdal python3-rasterio", "osgeo.gdal",
        "rasterio");
    Path native3413 = result.runDir().resolve("outputs/speed-cog/velsurf_mag.tif");
    Path wgs84 = result.runDir().resolve("outputs/speed-cog-wgs84/velsurf_mag.tif");
    String out = org.headwater.pipeline.testing.Python.run(String.join("\n",
        "import sys, rasterio",
        "from osgeo_utils.samples import validate_cloud_optimized_geotiff as cog",
        "for f in sys.argv[1:]:",
        "  w, e, d = cog.validate(f)",
        "  with rasterio.open(f) as r:",
        "    print(r.crs.to_epsg(), r.count, len(e), int((r.read(1, masked=True).count())))",
        ""), native3413.toString(), wgs84.toString());
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("3413 " + DemoData.NT + " 0 ");
    assertThat(lines.get(1)).startsWith("4326 " + DemoData.NT + " 0 ");
    for (String line : lines) {
      assertThat(Integer.parseInt(line.split(" ")[3])).as("valid cells").isGreaterThan(100);
    }
  }

  /** UDUNITS' year in seconds (365.242198781 days). */
  static final double YEAR = 365.242198781 * 86400;

  @TempDir static Path tmp;
  static Path sources;
  static RunResult result;
  static RunRecord record;

  @BeforeAll
  static void runDemo() throws Exception {
    sources = tmp.resolve("sources");
    DemoData.write(sources);
    Recipe recipe =
        RecipeParser.withParams(Map.of("source_root", sources.toUri().toString().replaceAll("/$", "")))
            .parse(Path.of("../examples/greenland-speed-ensemble.yaml"));
    result = RecipeRunner.run(recipe, RunOptions.defaults(tmp.resolve("work")));
    record = RunRecords.read(result.runDir());
  }

  @Test
  void recordsInputsSkippedMemberAndStepDetails() {
    assertThat(record.status()).isEqualTo("succeeded");
    assertThat(record.inputs()).as("each file once: 5 members and the CSV (the two maps read member 1 again)").hasSize(6);
    assertThat(record.inputs()).filteredOn(in -> in.url().endsWith("speed_member01.nc")).singleElement()
        .satisfies(in -> assertThat(in.keys()).as("the combined dataset's key of the file").containsEntry("member", "1"));
    assertThat(record.skipped()).singleElement()
        .satisfies(s -> assertThat(s.url()).endsWith("speed_member04.nc"));
    StepRecord history = record.steps().stream().filter(s -> s.name().equals("history"))
        .findFirst().orElseThrow();
    assertThat((String) history.details().get("line")).contains("recipe greenland-speed-ensemble");
    StepRecord cf = record.steps().stream().filter(s -> s.name().equals("cf_check"))
        .findFirst().orElseThrow();
    assertThat((List<?>) cf.details().get("violations")).isEmpty();
    assertThat(Files.exists(result.runDir().resolve(".staging"))).isFalse();
  }

  /**
   * The recorded hashes are those of the files now in outputs/: for the Zarr store, whose chunk
   * hashes were taken as they were written, the SHA-256 of a manifest computed by reading every
   * file again.
   */
  @Test
  void recordsTheHashAndSizeOfEveryOutputAsItIsOnDisk() throws Exception {
    assertThat(record.outputs()).extracting(OutputRecord::format).contains("zarr", "netcdf3", "csv");
    for (OutputRecord out : record.outputs()) {
      Path path = result.runDir().resolve(out.path());
      assertThat(out.sha256()).as(out.path()).isEqualTo(Checksums.sha256(path));
      long size;
      try (var files = Files.walk(path)) {
        size = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
      assertThat(out.size()).as(out.path()).isEqualTo(size);
    }
  }

  @Test
  void writesMaskedConvertedSubsetSpeed() throws Exception {
    Path zarr = result.runDir().resolve("outputs/speed.zarr");
    assertThat(zarr.resolve(".zmetadata")).exists();
    assertThat(result.runDir().resolve("outputs/speed.nc")).exists();
    ZarrReader z = ZarrReader.open(zarr);
    assertThat(z.dimensions("surface_speed")).containsExactly("member", "time", "y", "x");
    assertThat(z.attributes("surface_speed")).containsEntry("units", "m s-1");
    int ny = z.metadata("surface_speed").shape()[2];
    int nx = z.metadata("surface_speed").shape()[3];
    assertThat(ny).isLessThan(DemoData.NY);
    assertThat(nx).isLessThan(DemoData.NX);
    Array x = z.read("x");
    Array y = z.read("y");
    int i0 = (int) Math.round((x.getDouble(0) - DemoData.X0) / DemoData.DX);
    int j0 = (int) Math.round((y.getDouble(0) - DemoData.Y0) / DemoData.DX);
    Array s = z.read("surface_speed", new int[] {3, 1, 0, 0}, new int[] {1, 1, ny, nx});
    int checked = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double expected = DemoData.isLegacyMissing(5, 1, j + j0, i + i0) ? Double.NaN
            : DemoData.speed(5, 1, j + j0, i + i0) / YEAR;
        double stored = s.getDouble(j * nx + i);
        double got = stored == DemoData.FILL ? Double.NaN : stored;
        if (Double.isNaN(expected)) {
          assertThat(got).isNaN();
        } else {
          assertThat(got).isCloseTo(expected, Offset.offset(Math.abs(expected) * 1e-6));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void writesCleansedMassSeriesAsCsvWithColumnDescription() throws Exception {
    Path csv = result.runDir().resolve("outputs/mass.csv");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("year,mass,mass_uncertainty,sea_level_contribution");
    assertThat(lines).hasSize(1 + DemoData.MASS_LAST_YEAR - 2000 + 1);
    assertThat(lines.get(1)).startsWith("2000,");
    assertThat(lines).anyMatch(l -> l.startsWith(DemoData.MASS_MISSING_YEAR + ",-9999,"));
    OutputRecord out = record.outputs().stream().filter(o -> o.name().equals("mass"))
        .findFirst().orElseThrow();
    assertThat(out.format()).isEqualTo("csv");
    assertThat(out.variables()).extracting(v -> v.name() + "|" + v.units() + "|" + v.missingValue())
        .containsExactly("year|null|-9999", "mass|Mt|-9999", "mass_uncertainty|Mt|-9999",
            "sea_level_contribution|mm|");
    String columns = Files.readString(result.runDir().resolve("outputs/mass.columns.json"));
    assertThat(columns).contains("\"mass\"").contains("\"Mt\"").contains("-9999");
    assertThat(result.runDir().resolve(".staging")).doesNotExist();
  }

  /**
   * Variable-level lineage says where values came from: the ensemble variable from every member
   * file, the x coordinate (equal in every file, read from the first) from that file alone.
   */
  @Test
  void outputVariablesDeriveFromTheSourceVariablesTheyWereReadFrom() {
    Model prov = RDFDataMgr.loadModel(result.runDir().resolve("prov.ttl").toString());
    OutputRecord zarr = record.outputs().stream().filter(o -> o.format().equals("zarr")).findFirst().orElseThrow();
    List<String> speedSources = zarr.variables().stream().filter(v -> v.name().equals("surface_speed"))
        .findFirst().orElseThrow().sources();
    List<InputRecord> members = record.inputs().stream().filter(in -> in.keys().containsKey("member")).toList();
    assertThat(members).hasSize(5);
    assertThat(derivedFrom(prov, zarr, "surface_speed")).as("one source variable per member file")
        .containsExactlyInAnyOrderElementsOf(members.stream()
            .map(in -> ProvIris.variable(in.sha256(), speedSources.get(0))).toList());
    InputRecord first = members.stream().filter(in -> in.variables().contains("x")).findFirst().orElseThrow();
    assertThat(derivedFrom(prov, zarr, "x")).as("x was read from one member file")
        .containsExactly(ProvIris.variable(first.sha256(), "x"));
    assertThat(members).filteredOn(in -> in != first)
        .allSatisfy(in -> assertThat(in.variables()).doesNotContain("x", "y").contains(speedSources.get(0)));
  }

  private static List<String> derivedFrom(Model prov, OutputRecord out, String variable) {
    return prov.getResource(ProvIris.variable(out.sha256(), variable))
        .listProperties(prov.createProperty("http://www.w3.org/ns/prov#wasDerivedFrom"))
        .mapWith(st -> st.getObject().asResource().getURI()).toList();
  }

  @Test
  void xarrayReadsTheExpectedValues() {
    ExternalTools.requireXarray();
    String out = ExternalTools.python(XarrayCheck.SCRIPT, sources.toString(),
        result.runDir().resolve("outputs").toString());
    assertThat(out).contains("zarr ok", "netcdf ok", "csv ok");
  }
}
