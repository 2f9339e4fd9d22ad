package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.zarr.ZarrReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

class DemoRecipeIT {
  @TempDir Path tmp;

  @Test
  void combinesMembersAlongNewDimensionIntoZarrAndNetcdf() throws Exception {
    Path sources = tmp.resolve("sources");
    DemoData.write(sources);
    Recipe recipe =
        RecipeParser.withParams(Map.of("source_root", sources.toUri().toString().replaceAll("/$", "")))
            .parse(Path.of("../examples/greenland-speed-ensemble.yaml"));
    RunResult result = RecipeRunner.run(recipe, RunOptions.defaults(tmp.resolve("work")));
    RunRecord record = RunRecords.read(result.runDir());
    assertThat(record.status()).isEqualTo("succeeded");
    assertThat(record.inputs()).hasSize(5);
    assertThat(record.skipped()).singleElement().satisfies(s -> assertThat(s.url()).endsWith("speed_member04.nc"));
    Path zarr = result.runDir().resolve("outputs/speed.zarr");
    assertThat(zarr.resolve(".zmetadata")).exists();
    assertThat(result.runDir().resolve("outputs/speed.nc")).exists();
    ZarrReader z = ZarrReader.open(zarr);
    assertThat(z.dimensions("surface_speed")).containsExactly("member", "time", "y", "x");
    Array member = z.read("member");
    assertThat(member.getLong(0)).isEqualTo(1);
    assertThat(member.getLong(3)).isEqualTo(5);
    Array s = z.read("surface_speed", new int[] {3, 1, 35, 20}, new int[] {1, 1, 1, 1});
    assertThat(s.getDouble(0)).isEqualTo(DemoData.speed(5, 1, 35, 20), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(Files.exists(result.runDir().resolve(".staging"))).isFalse();
  }
}
