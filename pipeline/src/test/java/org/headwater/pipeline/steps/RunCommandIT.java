package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.headwater.pipeline.format.netcdf.NetcdfSource;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.pipeline.testing.OpenFiles;
import org.headwater.pipeline.testing.Recipes;
import org.headwater.zarr.ZarrReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

/** run_command in a recipe run on the DirectRunner: its output read chunk by chunk by workers. */
class RunCommandIT {
  @TempDir Path tmp;

  @Test
  void workersReadTheCommandOutputAndLeaveNoFileOpen() throws Exception {
    int nt = 12;
    NetcdfFixtures.write(tmp.resolve("src/tas.nc"), 0, nt, 0, "tas");
    String recipe = "id: copied\n"
        + "sources:\n"
        + "  - {name: tas, url: \"" + tmp.resolve("src").toUri() + "tas.nc\"}\n"
        + "steps:\n"
        + "  - {step: run_command, command: [cp, '{input}', '{output}']}\n"
        + "outputs:\n"
        + "  - {name: cube, format: zarr, chunks: {time: 1, y: 2}}\n"
        + "  - {name: file, format: netcdf, path: tas.nc}\n";
    RunResult r = Recipes.run(recipe, tmp.resolve("work"));

    ZarrReader z = ZarrReader.open(r.runDir().resolve("outputs/cube.zarr"));
    Array zarr = z.read("tas");
    Array nc;
    try (NetcdfSource file = NetcdfSource.open(r.runDir().resolve("outputs/tas.nc"), "tas.nc")) {
      nc = file.readAll("tas");
    }
    for (int t = 0; t < nt; t++) {
      for (int y = 0; y < NetcdfFixtures.NY; y++) {
        for (int x = 0; x < NetcdfFixtures.NX; x++) {
          int i = (t * NetcdfFixtures.NY + y) * NetcdfFixtures.NX + x;
          float want = NetcdfFixtures.value("tas", t, y, x);
          assertThat(zarr.getFloat(i)).as("zarr tas[%d,%d,%d]", t, y, x).isEqualTo(want);
          assertThat(nc.getFloat(i)).as("netcdf tas[%d,%d,%d]", t, y, x).isEqualTo(want);
        }
      }
    }
    assertThat(OpenFiles.under(tmp)).as("files the run left open").isEmpty();
  }
}
