package org.headwater.pipeline.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.fetch.Fetched;
import org.headwater.pipeline.io.SourceCache;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.pipeline.testing.OpenFiles;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;
import ucar.ma2.DataType;

class CombinerTest {
  @TempDir Path tmp;

  /** Files of 1, 2 and 3 time steps (global steps 0-5), two variables merged from two files each. */
  private Combined combine(String dimensions) throws Exception {
    int[] lengths = {1, 2, 3};
    int first = 0;
    for (int f = 0; f < lengths.length; f++) {
      for (String v : List.of("tas", "pr")) {
        NetcdfFixtures.write(tmp.resolve("src/" + v + "_" + f + ".nc"), first, lengths[f], 0, v);
      }
      first += lengths[f];
    }
    SourceSpec source =
        Recipes.parse(
                "id: combine\nsources:\n  url: \"" + tmp.resolve("src").toUri() + "{variable}_{time}.nc\"\n"
                    + "  dimensions:\n" + dimensions
                    + "    - {name: variable, kind: merge, keys: [tas, pr]}\n"
                    + "outputs:\n  - {name: out, format: zarr}\n")
            .sources()
            .get(0);
    List<FileHeader> headers = new ArrayList<>();
    for (FileItem item : Patterns.expand(source, 0)) {
      Path local = Path.of(java.net.URI.create(item.url()));
      Fetched fetched =
          new Fetched(item.url(), local.toString(), "0".repeat(64), Files.size(local), Instant.EPOCH, null, null, false);
      headers.add(Headers.read(item, fetched, source));
    }
    return Combiner.combine(source, headers);
  }

  @Test
  void theConcatCoordinateIsReadFromThePlanWithTheValuesAndTypeTheFilesHold() throws Exception {
    Combined combined = combine("    - {name: time, kind: concat, range: {start: 0, end: 2}}\n");
    assertThat(combined.layout().concatValues()).hasToString("6 double values");
    Path src = tmp.resolve("src");
    try (SourceCache files = new SourceCache(8)) {
      CombinedDataset fromPlan = new CombinedDataset(combined, files);
      for (int from = 0; from < 6; from++) {
        for (int n = 0; from + n <= 6; n++) {
          Array a = fromPlan.read("time", new int[] {from}, new int[] {n});
          assertThat(a.getDataType()).isEqualTo(DataType.DOUBLE);
          assertThat(a.getShape()).containsExactly(n);
          for (int i = 0; i < n; i++) {
            assertThat(a.getDouble(i)).as("time[%d]", from + i).isEqualTo(from + i);
          }
        }
      }
      assertThat(OpenFiles.under(src)).as("no source file opened for time").isEmpty();
      fromPlan.read("tas", new int[] {2, 0, 0}, new int[] {3, NetcdfFixtures.NY, NetcdfFixtures.NX});
      assertThat(OpenFiles.under(src)).as("tas is read from its files").hasSize(2);
    }

    Layout l = combined.layout();
    Combined withoutValues =
        new Combined(
            new Layout(l.concatDim(), l.newDim(), l.concatenated(), l.newDimValues(), l.parts(), null),
            combined.schema(),
            combined.notes());
    try (SourceCache a = new SourceCache(8);
        SourceCache b = new SourceCache(8)) {
      Array fromPlan = new CombinedDataset(combined, a).read("time", new int[] {0}, new int[] {6});
      Array fromFiles = new CombinedDataset(withoutValues, b).read("time", new int[] {0}, new int[] {6});
      assertThat(fromPlan.getDataType()).isEqualTo(fromFiles.getDataType());
      assertThat(fromPlan.isUnsigned()).isEqualTo(fromFiles.isUnsigned());
      assertThat((double[]) fromPlan.copyTo1DJavaArray())
          .containsExactly((double[]) fromFiles.copyTo1DJavaArray());
    }
  }
}
