package org.headwater.pipeline.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.headwater.pipeline.api.HeadwaterIO;
import org.headwater.pipeline.api.HeadwaterRun;
import org.headwater.pipeline.api.HeadwaterSteps;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.Funding;
import org.headwater.provenance.record.RecipeInfo;

/**
 * The demo recipe ({@code examples/greenland-speed-ensemble.yaml}) written in Java with the API.
 * docs/beam-users.md shows the region between the markers; {@code DocsInSyncTest} holds the two
 * equal, and {@code DemoPipelineIT} runs it against the recipe.
 */
public final class DemoPipeline {
  private DemoPipeline() {}

  /**
   * Runs the demo on the files under {@code sourceRoot} (a {@code file:} or {@code https:} URL of
   * the folder {@code DemoData.write} fills).
   */
  public static RunResult run(String sourceRoot, RunOptions options) {
    // [START demo]
    RecipeInfo info = new RecipeInfo(
        "greenland-speed-ensemble", null, null,
        "Greenland ice sheet surface speed, ensemble combined (demo)",
        "Surface speed of the Greenland ice sheet from an ensemble of ice-sheet model projections,"
            + " combined along a new `member` dimension from one file per member, with variables"
            + " renamed to descriptive names, undeclared missing codes masked, speed converted to"
            + " m s-1 and the grid cut to a box over central-west Greenland. A missing member is"
            + " skipped and recorded. Also the cumulative mass change since 1992, from 2000 on,"
            + " with its sea-level contribution.",
        "CC-BY-4.0",
        List.of(new Creator("Josiah Carberry", "https://orcid.org/0000-0002-1825-0097",
            "Brown University", "josiah.carberry@example.org")),
        List.of("Greenland", "ice sheet", "surface velocity", "ensemble", "ISMIP6"),
        List.of(new Funding("National Science Foundation", "0000000",
            "Example award for the Headwater demo")));
    HeadwaterRun run = HeadwaterRun.create(info, options);
    Pipeline p = run.newPipeline();

    // The ensemble: one file per member, combined along a new `member` dimension, then cleansed.
    PCollection<DatasetPlan> speed = p
        .apply("ReadSpeed", HeadwaterIO.read("speed")
            .from(sourceRoot + "/speed_member{member:02d}.nc")
            .withSourceOfTruth("https://doi.org/10.5072/headwater-demo-greenland-projections")
            .withConcatDimension("member", List.of("1", "2", "3", "4", "5", "6"), true)
            .skipMissing())
        .apply("Rename", HeadwaterSteps.rename(Map.of("velsurf_mag", "surface_speed")))
        .apply("MaskMissingCode", HeadwaterSteps.mask("surface_speed").with("equal", -9999))
        .apply("ToSI", HeadwaterSteps.convertUnits("surface_speed", "m s-1").with("from", "m year-1"))
        .apply("CentralWest", HeadwaterSteps.subset(-52, 66, -36, 74))
        .apply("Comment", HeadwaterSteps.setAttributes("surface_speed", Map.of("comment",
            "Magnitude of the horizontal surface velocity, one field per ensemble member.")))
        .apply("History", HeadwaterSteps.history())
        .apply("CfCheck", HeadwaterSteps.cfCheck(true));

    // Member 1 as maps for GIS users, read twice: once kept on its own grid, once reprojected.
    PCollection<DatasetPlan> map = p.apply("ReadMap", HeadwaterIO.read("speed_map")
        .from(sourceRoot + "/speed_member01.nc")
        .withSourceOfTruth("https://doi.org/10.5072/headwater-demo-greenland-projections"));
    PCollection<DatasetPlan> mapWgs84 = p.apply("ReadMapWgs84", HeadwaterIO.read("speed_map_wgs84")
        .from(sourceRoot + "/speed_member01.nc")
        .withSourceOfTruth("https://doi.org/10.5072/headwater-demo-greenland-projections"));

    // The mass-change series: a gzipped CSV with its own missing code, tidied.
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("Year", "year");
    columns.put("Mass (Gt)", "mass");
    columns.put("Uncertainty (Gt)", "mass_uncertainty");
    PCollection<DatasetPlan> mass = p
        .apply("ReadMass", HeadwaterIO.read("mass")
            .from(sourceRoot + "/mass_balance.csv.gz")
            .withFileType("csv")
            .withSourceOfTruth("https://doi.org/10.5072/headwater-demo-greenland-mass")
            .withOptions(Map.of("missing", List.of("-9999"), "columns", Map.of("Year", "int32"))))
        .apply("TidyNames", HeadwaterSteps.renameColumns(columns))
        .apply("From2000", HeadwaterSteps.filterRows("year >= 2000"))
        .apply("SeaLevel", HeadwaterSteps.deriveColumn("sea_level_contribution", "-mass / 361.8")
            .with("units", "mm")
            .with("long_name", "Global mean sea-level contribution since 1992"))
        .apply("ToMt", HeadwaterSteps.convertUnits(List.of("mass", "mass_uncertainty"), "Mt"))
        .apply("YearName", HeadwaterSteps.setAttributes("year", Map.of("long_name", "Year")));

    // The maps: the undeclared missing code masked; one in longitude/latitude at 0.1 degree.
    map = map.apply("MaskMap", HeadwaterSteps.mask("velsurf_mag").with("equal", -9999));
    mapWgs84 = mapWgs84
        .apply("MaskMapWgs84", HeadwaterSteps.mask("velsurf_mag").with("equal", -9999))
        .apply("ToWgs84", HeadwaterSteps.reproject("EPSG:4326")
            .with("resolution", 0.1)
            .with("resampling", "bilinear"));

    // Five outputs; each emits its OutputRecord, and run(p) commits them together.
    speed.apply("WriteZarr", HeadwaterIO.writeZarr("speed")
        .withChunks(Map.of("member", 1, "time", 1))
        .withCompressor(Map.of("id", "zlib", "level", 4)));
    speed.apply("WriteNetcdf", HeadwaterIO.writeNetcdf("speed-netcdf").toPath("speed.nc"));
    mass.apply("WriteCsv", HeadwaterIO.writeCsv("mass").toPath("mass.csv"));
    map.apply("WriteCog", HeadwaterIO.writeGeoTiff("speed-cog").withBands("time"));
    mapWgs84.apply("WriteCogWgs84", HeadwaterIO.writeGeoTiff("speed-cog-wgs84").withBands("time"));

    return run.run(p);
    // [END demo]
  }
}
