package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFDataMgr;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input, through the command line: one clear line on stderr naming the file,
 * URL, field or variable; a non-zero exit; and no outputs marked complete.
 */
class BadInputIT {
  @TempDir Path tmp;

  @BeforeEach
  void sources() throws Exception {
    for (int f = 0; f < 3; f++) {
      NetcdfFixtures.write(tmp.resolve(String.format("src/f%02d.nc", f)), f, 1, 0, "tas");
    }
  }

  private static CliRun headwater(String... args) {
    return CliRun.of(args);
  }

  private Path recipe(String sourceExtra, String steps, String outputs) throws Exception {
    String text =
        "id: bad\nsources:\n"
            + "  url: \"" + tmp.resolve("src").toUri() + "f{time:02d}.nc\"\n"
            + "  dimensions: [{name: time, range: {start: 0, end: 2}}]\n"
            + sourceExtra
            + (steps.isEmpty() ? "" : "steps:\n" + steps)
            + "outputs:\n" + (outputs.isEmpty() ? "  - {name: out, format: zarr, chunks: {time: 1}}\n" : outputs);
    return Files.writeString(tmp.resolve("recipe.yaml"), text);
  }

  /**
   * Runs with {@code --wait-for-store}: a failed run's graph goes to the store too, and this way it
   * is loaded before the command returns, so no background loader outlives the test's directory.
   */
  private CliRun run(Path recipe) {
    return headwater("run", recipe.toString(), "--work", tmp.resolve("work").toString(),
        "--store", tmp.resolve("lineage").toString(), "--wait-for-store");
  }

  private void assertFailedCleanly(CliRun o, String... fragments) throws Exception {
    assertThat(o.code()).isNotZero();
    String line = errorLine(o.err());
    for (String f : fragments) {
      assertThat(line).contains(f);
    }
    Path runs = tmp.resolve("work/runs");
    if (Files.isDirectory(runs)) {
      try (Stream<Path> dirs = Files.list(runs)) {
        dirs.forEach(d -> {
          assertThat(d.resolve("outputs")).doesNotExist();
          assertThat(d.resolve(".staging")).doesNotExist();
          assertThat(d.resolve("prov.ttl")).doesNotExist();
          if (Files.isRegularFile(d.resolve("run.json"))) {
            assertThat(d.resolve("prov-failed.ttl")).as("what the failed run did, as PROV").isNotEmptyFile();
            assertThat(d.resolve(".store-pending")).as("and it is in the store").doesNotExist();
          }
        });
      }
    }
  }

  private static String errorLine(String err) {
    return err.lines().filter(l -> l.startsWith("headwater: error: ")).reduce((a, b) -> {
      throw new AssertionError("more than one error line:\n" + err);
    }).orElseThrow(() -> new AssertionError("no error line in:\n" + err));
  }

  @Test
  void malformedYamlGivesLineAndColumn() throws Exception {
    Path r = Files.writeString(tmp.resolve("r.yaml"), "id: x\nsources: {url: [\n");
    assertFailedCleanly(headwater("validate", r.toString()), r + ":3:", "not valid YAML");
  }

  @Test
  void unknownStepAndParameter() throws Exception {
    assertFailedCleanly(run(recipe("", "  - {step: frobnicate}\n", "")), "unknown step 'frobnicate'");
    assertFailedCleanly(run(recipe("", "  - {step: rename, variable: {tas: t}}\n", "")),
        "no parameter 'variable'");
  }

  @Test
  void sourceThatDoesNotExist() throws Exception {
    Files.delete(tmp.resolve("src/f01.nc"));
    assertFailedCleanly(run(recipe("", "", "")), "f01.nc does not exist");
  }

  @Test
  void sourceThatTimesOut() throws Exception {
    try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/f{time:02d}.nc";
      String text = "id: slow\nsources:\n  url: \"" + url + "\"\n"
          + "  dimensions: [{name: time, range: {start: 0, end: 0}}]\n"
          + "outputs: [{name: out, format: zarr}]\n";
      Path r = Files.writeString(tmp.resolve("slow.yaml"), text);
      CliRun o = headwater("run", r.toString(), "--work", tmp.resolve("work").toString(),
          "--store", tmp.resolve("lineage").toString(), "--wait-for-store", "--fetch-timeout", "1", "--fetch-attempts", "2");
      assertFailedCleanly(o, "cannot fetch http://127.0.0.1:", "after 2 attempts", "timed out");
    }
  }

  @Test
  void checksumMismatch() throws Exception {
    assertFailedCleanly(run(recipe("  sha256: {f00.nc: \"" + "a".repeat(64) + "\"}\n", "", "")),
        "checksum mismatch for file:", "f00.nc", "a".repeat(64));
  }

  @Test
  void truncatedAndCorruptNetcdf() throws Exception {
    Path f = tmp.resolve("src/f01.nc");
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 40));
    assertFailedCleanly(run(recipe("", "", "")), "f01.nc", "not a readable NetCDF file", "truncated");
    Files.writeString(f, "this is not netcdf at all");
    assertFailedCleanly(run(recipe("", "", "")), "f01.nc", "not a readable NetCDF file");
  }

  @Test
  void variableThatDoesNotExist() throws Exception {
    assertFailedCleanly(run(recipe("", "  - {step: rename, variables: {temperature: t}}\n", "")),
        "step 1 (rename)", "no variable 'temperature'", "tas");
  }

  @Test
  void gridsThatDiffer() throws Exception {
    NetcdfFixtures.write(tmp.resolve("src/f02.nc"), 2, 1, 500, "tas");
    assertFailedCleanly(run(recipe("", "", "")), "cannot combine", "f00.nc", "f02.nc", "'x'");
  }

  @Test
  void outputPathOutsideTheWorkDirectory() throws Exception {
    assertFailedCleanly(run(recipe("", "", "  - {name: out, format: netcdf, path: ../../out.nc}\n")),
        "outside the work directory");
  }

  @Test
  void validateAcceptsAGoodRecipeAndRunPrintsTheRunDirectoryLast() throws Exception {
    Path r = recipe("", "", "");
    CliRun v = headwater("validate", r.toString());
    assertThat(v.code()).isZero();
    assertThat(v.out()).contains("recipe 'bad' is valid").contains("3 files")
        .contains("0 steps, 1 output").doesNotContain("1 outputs");
    CliRun o = run(r);
    assertThat(o.code()).as(o.err()).isZero();
    String last = o.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(Path.of(last)).isDirectory();
    assertThat(Path.of(last).resolve("outputs/out.zarr/.zmetadata")).exists();
    assertThat(Path.of(last).resolve("prov.ttl")).exists();
    assertThat(Path.of(last).resolve("prov.jsonld")).as("JSON-LD only when asked for").doesNotExist();

    CliRun j = headwater("run", r.toString(), "--work", tmp.resolve("work").toString(),
        "--store", tmp.resolve("lineage").toString(), "--prov-jsonld");
    assertThat(j.code()).as(j.err()).isZero();
    Path runDir = Path.of(j.out().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(RDFDataMgr.loadModel(runDir.resolve("prov.jsonld").toString()))
        .as("prov.jsonld holds the graph of prov.ttl")
        .satisfies(m -> assertThat(m.isIsomorphicWith(RDFDataMgr.loadModel(runDir.resolve("prov.ttl").toString()))).isTrue());
  }
}
