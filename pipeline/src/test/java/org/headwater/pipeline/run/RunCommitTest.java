package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.beam.RunScope;
import org.headwater.pipeline.plan.RunRecordFiles;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.stac.StacCatalog;
import org.headwater.provenance.ShapeViolationException;
import org.headwater.provenance.graph.FailedRunGraph;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.VariableRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit whose provenance the shapes reject: the STAC catalogue is written while the graph is
 * checked, so the failed run must take it back with the outputs.
 */
class RunCommitTest {
  @TempDir Path dir;

  @Test
  void invalidProvenanceLeavesNoOutputsNoStacNoProvTtlAndARunJsonThatSaysFailed() throws Exception {
    Recipe recipe = RecipeParser.create().parse("r.yaml",
        "id: r\nsources:\n  - {name: a, url: \"file:/data/a.nc\", file_type: netcdf}\n"
            + "outputs:\n  - {name: out, format: netcdf3}\n");
    Path runDir = Files.createDirectories(dir.resolve("runs/r-1"));
    Files.createDirectories(runDir.resolve(".staging"));
    Files.writeString(runDir.resolve(".staging/out.nc"), "not really NetCDF");
    // an output the pipeline wrote, but no plan: no inputs, so nothing it was derived from
    VariableRecord v = new VariableRecord("v", "float64", List.of("t"), "K", null, null, List.of("v"), List.of());
    RunRecordFiles.write(runDir.resolve(".records"), RunScope.OUTPUT_RECORDS,
        new OutputRecord("out", "outputs/out.nc", "netcdf3", "0".repeat(63) + "1", 17, List.of(v), null));
    RunCommit commit = new RunCommit(recipe, "r-1", runDir, Instant.now(), RunOptions.defaults(dir));

    try (ProvenanceCapture capture = ProvenanceCapture.start(null)) {
      assertThatThrownBy(() -> commit.commit(capture)).isInstanceOf(ShapeViolationException.class);
    }
    commit.fail(new RecipeException("the run's provenance is invalid"));

    assertThat(runDir.resolve("outputs")).doesNotExist();
    assertThat(runDir.resolve(StacCatalog.FOLDER)).doesNotExist();
    assertThat(runDir.resolve("prov.ttl")).doesNotExist();
    try (var files = Files.list(runDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("run.json, and the failed run's own graph").containsExactlyInAnyOrder(RunRecords.FILE_NAME, FailedRunGraph.FILE);
    }
    assertThat(RunRecords.read(runDir).status()).isEqualTo(RunRecord.FAILED);
  }
}
