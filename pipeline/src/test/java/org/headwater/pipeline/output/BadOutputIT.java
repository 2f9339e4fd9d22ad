package org.headwater.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.testing.Recipes;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs a source cannot be written to fail when the run is planned, in one line naming the
 * output or variable and the fix, and leave nothing marked complete. The source is made by
 * netCDF-C's ncgen: an int64 and a string variable, a 2-step time.
 */
class BadOutputIT {
  @TempDir static Path tmp;
  static Path source;

  private static final String CDL = String.join("\n",
      "netcdf wide {",
      "dimensions:",
      "  time = 2 ;",
      "variables:",
      "  int64 count(time) ;",
      "  string station(time) ;",
      "  float temp(time) ;",
      "    temp:_FillValue = -999.f ;",
      "data:",
      "  count = 1, 5000000000 ;",
      "  station = \"a\", \"b\" ;",
      "  temp = 1, 2 ;",
      "}");

  @BeforeAll
  static void writeSource() throws Exception {
    Path cdl = tmp.resolve("wide.cdl");
    Files.writeString(cdl, CDL);
    source = tmp.resolve("wide.nc");
    Process p = new ProcessBuilder("ncgen", "-k", "nc4", "-o", source.toString(), cdl.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void int64InNetcdf3NamesTheVariableAndTheFix() throws IOException {
    assertFailsPlanning("select_variables: [count, temp]", "{name: out, format: netcdf3, path: out.nc}",
        "output 'out': variable 'count' is int64, which NetCDF-3 cannot store; use format: netcdf4,"
            + " or add a cast step");
  }

  @Test
  void textInNetcdfNamesTheVariable() throws IOException {
    assertFailsPlanning("select_variables: [station, temp]", "{name: out, format: netcdf3, path: out.nc}",
        "output 'out': variable 'station' holds text");
  }

  @Test
  void aCodecNetcdf4LacksIsRefused() throws IOException {
    assertFailsPlanning("select_variables: [temp]",
        "{name: out, format: netcdf4, path: out.nc, compressor: {id: zstd, level: 3}}",
        "output 'out': compressor 'zstd' is not available in NetCDF-4 outputs");
  }

  @Test
  void chunksLongerThanTheDimensionAreRefused() throws IOException {
    assertFailsPlanning("select_variables: [temp]",
        "{name: out, format: zarr, path: out.zarr, chunks: {time: 10}}",
        "output 'out': chunks give dimension 'time' 10, but its length is 2; use a chunk length"
            + " from 1 to 2");
  }

  private void assertFailsPlanning(String select, String output, String message) throws IOException {
    Path work = Files.createTempDirectory(tmp, "work");
    String steps = "steps:\n  - {step: select_variables, variables: "
        + select.substring(select.indexOf('[')) + "}\n";
    String text = "id: bad\nsources:\n  url: \"" + source.toUri() + "\"\n" + steps
        + "outputs:\n  - " + output + "\n";
    assertThatThrownBy(() -> Recipes.run(text, work))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    Path runDir;
    try (Stream<Path> runs = Files.list(work.resolve("runs"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    assertThat(runDir.resolve("outputs")).doesNotExist();
    RunRecord record = RunRecords.read(runDir);
    assertThat(record.status()).isEqualTo("failed");
    assertThat(record.error()).contains(message);
  }
}
