package org.headwater.pipeline.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.headwater.pipeline.api.HeadwaterIO;
import org.headwater.pipeline.api.HeadwaterRun;
import org.headwater.pipeline.api.HeadwaterSteps;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.RecipeInfo;

/**
 * An NCO command between two Headwater steps: {@code ncap2} derives a variable from the cleansed
 * speed, and a Headwater step after it gives the new variable its units. docs/beam-users.md shows
 * the region between the markers; {@code NcoPipelineIT} runs it.
 */
public final class NcoPipeline {
  private NcoPipeline() {}

  /** Runs on three members of the demo files under {@code sourceRoot}. */
  public static RunResult run(String sourceRoot, RunOptions options) {
    // [START nco]
    HeadwaterRun run = HeadwaterRun.create(
        new RecipeInfo("speed-kmh", null, null, "Greenland surface speed in km/h (NCO example)",
            null, "CC-BY-4.0", List.of(), List.of(), List.of()),
        options);
    Pipeline p = run.newPipeline();
    p.apply("ReadSpeed", HeadwaterIO.read("speed")
            .from(sourceRoot + "/speed_member{member:02d}.nc")
            .withConcatDimension("member", List.of("1", "2", "3"), true))
        .apply("Rename", HeadwaterSteps.rename(Map.of("velsurf_mag", "surface_speed")))
        .apply("MaskMissingCode", HeadwaterSteps.mask("surface_speed").with("equal", -9999))
        .apply("ToSI", HeadwaterSteps.convertUnits("surface_speed", "m s-1").with("from", "m year-1"))
        // ncap2 reads {input} (the dataset so far, written as NetCDF) and writes {output}
        .apply("Ncap2", HeadwaterSteps.subprocess(
                "ncap2", "-O", "-s", "surface_speed_kmh=surface_speed*{factor}", "{input}", "{output}")
            .withParam("factor", "3.6")
            .withVersionCommand("ncap2", "--version")
            .withTimeout(Duration.ofMinutes(2)))
        .apply("KmhUnits", HeadwaterSteps.setAttributes("surface_speed_kmh",
            Map.of("units", "km h-1", "long_name", "surface speed in km/h")))
        .apply("WriteZarr", HeadwaterIO.writeZarr("speed-kmh").withChunks(Map.of("member", 1)));
    return run.run(p);
    // [END nco]
  }
}
