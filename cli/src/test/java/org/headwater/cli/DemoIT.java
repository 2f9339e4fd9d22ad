package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater demo}, as a newcomer runs it: offline, end to end. */
class DemoIT {
  @TempDir Path tmp;

  @Test
  void demoRunsBothRecipesPrintsLineageToTheDoiPublishesAndEndsWithTheRunDirectory() throws Exception {
    System.setProperty("headwater.home", Path.of("..").toAbsolutePath().normalize().toString());
    CliRun run;
    try {
      run = CliRun.of("demo", "--work", tmp.toString());
    } finally {
      System.clearProperty("headwater.home");
    }
    String text = run.out();
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = text.lines().toList();
    Path runDir = Path.of(lines.get(lines.size() - 1));
    RunRecord record = RunRecords.read(runDir);
    assertThat(record.recipe().id()).isEqualTo("greenland-speed-ensemble");
    assertThat(record.skipped()).singleElement()
        .satisfies(s -> assertThat(s.url()).endsWith("speed_member04.nc"));
    assertThat(runDir.resolve("outputs/speed.zarr/.zmetadata")).exists();
    assertThat(runDir.resolve("outputs/speed.nc")).exists();
    assertThat(runDir.resolve("outputs/speed-cog/velsurf_mag.tif")).exists();
    assertThat(runDir.resolve("outputs/speed-cog-wgs84/velsurf_mag.tif")).exists();
    assertThat(record.outputs()).as("Zarr, NetCDF, CSV and two GeoTIFF folders").hasSize(5);
    assertThat(runDir.resolve("prov.ttl")).exists();
    assertThat(runDir.resolve("CITATION.cff")).exists();
    assertThat(text)
        .contains("upstream lineage of " + runDir.resolve("outputs/speed.nc") + "#surface_speed")
        .contains("<- velsurf_mag in speed_member01.nc [variable]")
        .contains("https://doi.org/10.5072/headwater-demo-greenland-projections [dataset]")
        .contains("made by run greenland-speed-ensemble-mean-")
        .contains("Cloud-Optimized GeoTIFFs: " + runDir.resolve("outputs/speed-cog"))
        .contains("cite as:")
        .containsPattern("Carberry, J\\. \\d{4}\\. .*doi:10\\.5072/");
    assertThat(Files.list(tmp.resolve("archive")).count()).isPositive();

    String doi = text.lines().filter(l -> l.startsWith("metadata doi:")).findFirst().orElseThrow()
        .replaceFirst("^metadata (doi:\\S+),.*", "$1");
    CliRun lineage = CliRun.of("lineage", doi, "--store", tmp.resolve("lineage").toString());
    assertThat(lineage.code()).as(lineage.err()).isZero();
    assertThat(lineage.out())
        .as("the published DOI leads back through the outputs to the original source")
        .contains("speed-netcdf [output]")
        .contains("https://doi.org/10.5072/headwater-demo-greenland-projections [dataset]");
  }
}
