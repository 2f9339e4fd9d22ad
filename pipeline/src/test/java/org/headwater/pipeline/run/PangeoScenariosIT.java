package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.pipeline.testing.Recipes;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.zarr.ZarrReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ucar.ma2.Array;

/** The scenarios pangeo-forge-recipes tests, on real NetCDF files and the DirectRunner. */
class PangeoScenariosIT {
  @TempDir Path tmp;

  private String recipe(int files, String extraSource, String outputs) {
    return "id: scenario\n"
        + "sources:\n"
        + "  url: \"" + tmp.resolve("src").toUri() + "f{time:02d}.nc\"\n"
        + "  dimensions:\n"
        + "    - {name: time, kind: concat, range: {start: 0, end: " + (files - 1) + "}}\n"
        + extraSource
        + "outputs:\n" + outputs;
  }

  private void writeFiles(int files, int perFile) throws Exception {
    for (int f = 0; f < files; f++) {
      NetcdfFixtures.write(tmp.resolve(String.format("src/f%02d.nc", f)), f * perFile, perFile, 0, "tas");
    }
  }

  static void assertValues(ZarrReader z, String name, int nt) {
    Array a = z.read(name);
    assertThat(a.getShape()).containsExactly(nt, NetcdfFixtures.NY, NetcdfFixtures.NX);
    for (int t = 0; t < nt; t++) {
      for (int y = 0; y < NetcdfFixtures.NY; y++) {
        for (int x = 0; x < NetcdfFixtures.NX; x++) {
          int i = (t * NetcdfFixtures.NY + y) * NetcdfFixtures.NX + x;
          assertThat(a.getFloat(i)).as("%s[%d,%d,%d]", name, t, y, x)
              .isEqualTo(NetcdfFixtures.value(name, t, y, x));
        }
      }
    }
    Array time = z.read("time");
    for (int t = 0; t < nt; t++) {
      assertThat(time.getDouble(t)).isEqualTo(t);
    }
  }

  @ParameterizedTest(name = "{0} step(s) per file, time chunks of {1}")
  @CsvSource({"1, 1", "1, 3", "1, 7", "2, 1", "2, 2", "2, 3", "2, 7"})
  void concatenatesAlongTimeWithTargetChunks(int perFile, int chunk) throws Exception {
    int files = 10 / perFile;
    writeFiles(files, perFile);
    RunResult r =
        Recipes.run(
            recipe(files, "", "  - {name: out, format: zarr, chunks: {time: " + chunk + "}}\n"),
            tmp.resolve("work"));
    ZarrReader z = ZarrReader.open(r.runDir().resolve("outputs/out.zarr"));
    assertThat(z.metadata("tas").chunks()).containsExactly(chunk, NetcdfFixtures.NY, NetcdfFixtures.NX);
    int chunks = (10 + chunk - 1) / chunk;
    for (int c = 0; c < chunks; c++) {
      assertThat(r.runDir().resolve("outputs/out.zarr/tas/" + c + ".0.0")).exists();
    }
    assertThat(r.runDir().resolve("outputs/out.zarr/tas/" + chunks + ".0.0")).doesNotExist();
    assertValues(z, "tas", 10);
    assertThat(r.record().inputs()).hasSize(files);
  }

  @Test
  void mergesVariablesFromDifferentFilesWhileConcatenating() throws Exception {
    for (int f = 0; f < 3; f++) {
      for (String v : new String[] {"tas", "pr"}) {
        NetcdfFixtures.write(tmp.resolve(String.format("src/%s_%02d.nc", v, f)), f * 2, 2, 0, v);
      }
    }
    String text =
        "id: merge\nsources:\n"
            + "  url: \"" + tmp.resolve("src").toUri() + "{variable}_{time:02d}.nc\"\n"
            + "  dimensions:\n"
            + "    - {name: time, kind: concat, range: {start: 0, end: 2}}\n"
            + "    - {name: variable, kind: merge, keys: [tas, pr]}\n"
            + "outputs:\n  - {name: out, format: zarr, chunks: {time: 4}}\n";
    RunResult r = Recipes.run(text, tmp.resolve("work"));
    ZarrReader z = ZarrReader.open(r.runDir().resolve("outputs/out.zarr"));
    assertThat(z.arrayNames()).contains("tas", "pr", "time", "x", "y");
    assertValues(z, "tas", 6);
    assertValues(z, "pr", 6);
    assertThat(r.record().inputs()).hasSize(6);
  }

  @Test
  void missingFileFailsByDefaultNamingItAndLeavesNothingFinished() throws Exception {
    writeFiles(3, 1);
    Files.delete(tmp.resolve("src/f01.nc"));
    String text = recipe(3, "", "  - {name: out, format: zarr, chunks: {time: 1}}\n");
    assertThatThrownBy(() -> Recipes.run(text, tmp.resolve("work")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("f01.nc does not exist")
        .hasMessageContaining("missing: skip");
    Path runDir = Files.list(tmp.resolve("work/runs")).findFirst().orElseThrow();
    assertThat(runDir.resolve("outputs")).doesNotExist();
    assertThat(runDir.resolve(".staging")).doesNotExist();
    RunRecord failed = RunRecords.read(runDir);
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.error()).contains("f01.nc");
  }

  @Test
  void missingFileIsSkippedAndRecordedUnderSkipPolicy() throws Exception {
    writeFiles(3, 1);
    Files.delete(tmp.resolve("src/f01.nc"));
    RunResult r =
        Recipes.run(
            recipe(3, "  missing: skip\n", "  - {name: out, format: zarr, chunks: {time: 1}}\n"),
            tmp.resolve("work"));
    assertThat(r.record().skipped()).singleElement()
        .satisfies(s -> {
          assertThat(s.url()).endsWith("f01.nc");
          assertThat(s.keys()).containsEntry("time", "1");
        });
    Array time = ZarrReader.open(r.runDir().resolve("outputs/out.zarr")).read("time");
    assertThat(time.getSize()).isEqualTo(2);
    assertThat(time.getDouble(1)).isEqualTo(2.0);
  }

  @Test
  void aZarrStoreWrittenByAnEarlierRunIsASource() throws Exception {
    writeFiles(4, 2);
    RunResult first =
        Recipes.run(recipe(4, "", "  - {name: out, format: zarr, chunks: {time: 3}}\n"), tmp.resolve("work"));
    Path store = first.runDir().resolve("outputs/out.zarr");
    String text =
        "id: from-zarr\nsources:\n  url: \"" + store.toUri() + "\"\n  file_type: zarr\n"
            + "outputs:\n  - {name: again, format: zarr, chunks: {time: 5}}\n";
    RunResult second = Recipes.run(text, tmp.resolve("work"));
    assertThat(second.record().inputs()).singleElement()
        .satisfies(i -> assertThat(i.sha256()).isEqualTo(first.record().outputs().get(0).sha256()));
    assertValues(ZarrReader.open(second.runDir().resolve("outputs/again.zarr")), "tas", 8);
  }

  @Test
  void pruneRunsOnTheFirstItemsOnly() throws Exception {
    writeFiles(5, 2);
    RunResult r =
        Recipes.run(
            recipe(5, "", "  - {name: out, format: zarr, chunks: {time: 3}}\n")
                .replace("sources:", "prune: 2\nsources:"),
            tmp.resolve("work"));
    assertThat(r.record().inputs()).hasSize(2);
    assertValues(ZarrReader.open(r.runDir().resolve("outputs/out.zarr")), "tas", 4);
  }
}
