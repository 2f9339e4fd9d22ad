package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.headwater.pipeline.testing.Python;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose process is killed (SIGKILL) part-way: every later command sees its run directory as
 * incomplete. The run is a real {@code headwater run} in a child JVM over NetCDF-4 files written
 * by netCDF-C (netCDF4-python), killed 0, 2 and 4 s after its run directory appeared (2 s and 4 s
 * after the process started, the JVM was sometimes still starting on a busy machine).
 */
class KilledRunIT {
  @TempDir static Path sources;

  @BeforeAll
  static void writeSources() throws Exception {
    Python.require("python3-netcdf4", "netCDF4", "numpy");
    String script = String.join("\n",
        "import sys, netCDF4, numpy as np",
        "for m in range(1, 41):",
        "    ds = netCDF4.Dataset(f'" + sources + "/s{m:02d}.nc', 'w', format='NETCDF4')",
        "    ds.createDimension('time', 8); ds.createDimension('y', 200); ds.createDimension('x', 200)",
        "    t = ds.createVariable('time', 'f8', ('time',)); t.units = 'days since 2000-01-01'; t[:] = np.arange(8)",
        "    v = ds.createVariable('temp', 'f4', ('time', 'y', 'x'), zlib=True, chunksizes=(1, 100, 100))",
        "    v.units = 'K'; v[:] = np.random.default_rng(m).random((8, 200, 200)) * 30 + 250",
        "    ds.close()");
    Python.run(script);
    Files.writeString(sources.resolve("recipe.yaml"), String.join("\n",
        "id: killed-run",
        "title: A run killed part-way",
        "description: Forty NetCDF-4 files combined into a Zarr store and a NetCDF-3 file.",
        "license: CC-BY-4.0",
        "creators:",
        "  - name: Josiah Carberry",
        "sources:",
        "  - name: t",
        "    url: \"file:" + sources + "/s{m:02d}.nc\"",
        "    file_type: netcdf",
        "    dimensions:",
        "      - {name: m, kind: concat, new: true, range: {start: 1, end: 40}}",
        "outputs:",
        "  - {name: z, format: zarr, chunks: {m: 1, time: 1}}",
        "  - {name: n3, format: netcdf3, path: t.nc}",
        ""));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 4})
  void aKilledRunIsIncompleteToEveryLaterCommand(int seconds, @TempDir Path dir) throws Exception {
    Path work = dir.resolve("work");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.headwater.cli.Headwater", "run", sources.resolve("recipe.yaml").toString(), "--work", work.toString(),
        "--store", dir.resolve("lineage").toString())
        .redirectOutput(dir.resolve("run.out").toFile()).redirectErrorStream(true).start();
    // the JVM's start takes seconds on a busy machine: time the kill from the run directory's appearance
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (list(work.resolve("runs")).isEmpty() && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(list(work.resolve("runs"))).as(Files.readString(dir.resolve("run.out"))).hasSize(1);
    boolean ended = run.waitFor(seconds, TimeUnit.SECONDS);
    assertThat(ended).as("the run still going after %d s (else the test kills nothing)", seconds).isFalse();
    run.destroyForcibly(); // SIGKILL on Linux
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(137);

    List<Path> runDirs = list(work.resolve("runs"));
    CliRun runs = CliRun.of("runs", "--work", work.toString());
    assertThat(runs.code()).as(runs.err()).isZero();
    assertThat(runs.out()).doesNotContain("succeeded");
    for (Path d : runDirs) {
      assertThat(d.resolve("outputs")).as("no outputs of a killed run").doesNotExist();
      if (seconds > 0) { // killed at 0 s, it may not have logged a line since creating the directory
        assertThat(d.resolve("run.log")).as("the killed run's log, kept in its run directory")
            .content().contains("run " + d.getFileName() + " of killed-run on DirectRunner");
      }
      assertThat(runs.out()).contains(d.getFileName() + "  incomplete (");
      CliRun publish = CliRun.of("publish", d.toString(), "--node", "local:" + dir.resolve("node"),
          "--dry-run", dir.resolve("package").toString());
      assertThat(publish.code()).isNotZero();
      assertThat(publish.err().strip().lines()).hasSize(1);
      assertThat(publish.err()).containsAnyOf("incomplete", "running");
      assertThat(dir.resolve("package")).doesNotExist();
    }
    assertThat(runs.out()).contains("1 run in ").contains("1 incomplete");
    CliRun again = CliRun.of("run", dir.resolve("absent.yaml").toString(), "--work", work.toString());
    assertThat(again.err()).contains("note: 1 incomplete run directory in " + work.resolve("runs"));
    assertThat(again.code()).as("the absent recipe").isNotZero();
  }

  private static List<Path> list(Path runs) throws Exception {
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).toList();
    }
  }
}
