package org.headwater.pipeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.provenance.record.RecipeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run checks before it starts; none of these leaves a run directory behind. */
class HeadwaterRunTest {
  @TempDir Path tmp;

  HeadwaterRun run(String id) {
    return HeadwaterRun.create(new RecipeInfo(id, null, null, null, null, null, null, null, null),
        RunOptions.defaults(tmp));
  }

  @Test
  void transformsNeedAPipelineMadeByARun() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    assertThatThrownBy(() -> p.apply(HeadwaterIO.read("x").from("file:/x.nc")))
        .hasMessage("HeadwaterIO.read(x): the pipeline belongs to no Headwater run; make it with"
            + " HeadwaterRun.create(info, options).newPipeline()");
  }

  @Test
  void aRunNeedsAnOutputAndItsOwnPipeline() {
    HeadwaterRun a = run("a");
    assertThatThrownBy(() -> a.run(a.newPipeline()))
        .hasMessageContaining("the pipeline writes no output");
    assertThatThrownBy(() -> a.run(run("b").newPipeline()))
        .hasMessage("the pipeline was not made by this run; build it with run.newPipeline()");
    assertThat(tmp.resolve("runs")).doesNotExist();
  }

  @Test
  void runIdsAndNamesAreCheckedWhenGiven() {
    assertThatThrownBy(() -> run("a b")).hasMessageStartingWith("run id 'a b': use letters");
    assertThatThrownBy(() -> HeadwaterIO.read("x/y")).hasMessageStartingWith("read: dataset name 'x/y'");
    assertThatThrownBy(() -> HeadwaterIO.write("cube", "tiff"))
        .hasMessage("output 'cube': format 'tiff' is not zarr, netcdf3, netcdf4, csv or geotiff");
    assertThatThrownBy(() -> HeadwaterIO.writeZarr("cube").toPath("../cube.zarr"))
        .hasMessageStartingWith("toPath: '../cube.zarr' is outside outputs/");
    assertThat(run("ok").runId()).startsWith("ok-");
  }
}
