package org.headwater.pipeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the API's transforms: each is one line naming the transform and the element
 * (PCollection, dataset, variable or tool), and a run that started says failed and has no outputs.
 */
class BadInputIT {
  @TempDir Path tmp;
  HeadwaterRun run;
  Pipeline p;

  @BeforeEach
  void setUp() throws Exception {
    NetcdfFixtures.write(tmp.resolve("src/tas.nc"), 0, 4, 0, "tas");
    run = HeadwaterRun.create(new RecipeInfo("bad", null, null, null, null, null, null, null, null),
        RunOptions.defaults(tmp.resolve("work")));
    p = run.newPipeline();
  }

  private PCollection<DatasetPlan> tas() {
    return p.apply("ReadTas", HeadwaterIO.read("tas").from(tmp.resolve("src").toUri() + "tas.nc"));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aStepOnAPCollectionOfSomethingElseFailsWhenApplied() {
    PCollection strings = p.apply("Words", Create.of("a", "b"));
    PTransform rename = HeadwaterSteps.rename(Map.of("a", "b"));
    assertThatThrownBy(() -> strings.apply("Rename", rename))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HeadwaterSteps.rename")
        .hasMessageContaining("cannot read PCollection 'Words")
        .hasMessageContaining("String elements");
  }

  @Test
  void aStepNamingAMissingVariableFailsTheRun() throws Exception {
    tas().apply("MaskIt", HeadwaterSteps.mask("precip").with("equal", 1))
        .apply("Write", HeadwaterIO.writeZarr("cube"));
    assertFailed("HeadwaterSteps.mask", "dataset 'tas'", "precip");
  }

  @Test
  void aToolThatExitsNonZeroFailsTheRun() throws Exception {
    ExternalTools.requireNco();
    tas().apply("Extract", HeadwaterSteps.subprocess("ncks", "-O", "-v", "no_such_var", "{input}", "{output}"))
        .apply("Write", HeadwaterIO.writeNetcdf("file"));
    assertFailed("HeadwaterSteps.subprocess(ncks)", "dataset 'tas'", "'ncks' exited with");
  }

  @Test
  void aToolThatWritesNoOutputFailsTheRun() throws Exception {
    tas().apply("Nothing", HeadwaterSteps.subprocess("true", "{input}", "{output}"))
        .apply("Write", HeadwaterIO.writeNetcdf("file"));
    assertFailed("HeadwaterSteps.subprocess(true)", "dataset 'tas'", "wrote no output.nc");
  }

  @Test
  void aMissingToolFailsTheRun() throws Exception {
    tas().apply("Missing", HeadwaterSteps.subprocess("no-such-tool-hw", "{input}", "{output}"))
        .apply("Write", HeadwaterIO.writeNetcdf("file"));
    assertFailed("HeadwaterSteps.subprocess(no-such-tool-hw)", "dataset 'tas'", "cannot be started");
  }

  @Test
  void twoDatasetsInOneWriteFailTheRun() throws Exception {
    PCollection<DatasetPlan> a = tas();
    PCollection<DatasetPlan> both = org.apache.beam.sdk.values.PCollectionList.of(a)
        .and(a.apply("Again", HeadwaterSteps.history()))
        .apply(org.apache.beam.sdk.transforms.Flatten.pCollections());
    assertThatThrownBy(() -> both.apply("Write", HeadwaterIO.writeZarr("cube")))
        .hasMessageContaining("HeadwaterIO.writeZarr(cube): cannot read PCollection");
  }

  @Test
  void misspeltParametersAndUnknownStepsFailWhenMade() {
    assertThatThrownBy(() -> HeadwaterSteps.mask("tas").with("equals", 1))
        .hasMessageStartingWith("HeadwaterSteps.mask: no parameter 'equals'; its parameters: [above, below, equal,");
    assertThatThrownBy(() -> HeadwaterSteps.of("regrid", Map.of()))
        .hasMessageStartingWith("HeadwaterSteps.of: unknown step 'regrid'");
    assertThatThrownBy(() -> HeadwaterSteps.subprocess("ncks", "{input}", "out.nc"))
        .hasMessageStartingWith("HeadwaterSteps.subprocess: ").hasMessageContaining("{output}");
  }

  private void assertFailed(String... parts) throws Exception {
    assertThatThrownBy(() -> run.run(p))
        .isInstanceOf(RecipeException.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).doesNotContain("\n");
          for (String part : parts) {
            assertThat(e.getMessage()).contains(part);
          }
        });
    RunRecord record = RunRecords.read(run.runDir());
    assertThat(record.status()).isEqualTo(RunRecord.FAILED);
    assertThat(record.error()).contains(parts[0]);
    assertThat(run.runDir().resolve("outputs")).doesNotExist();
    assertThat(run.runDir().resolve("prov.ttl")).doesNotExist();
    assertThat(Files.exists(run.runDir().resolve(".staging"))).isFalse();
    assertThat(List.of(parts)).isNotEmpty();
  }
}
