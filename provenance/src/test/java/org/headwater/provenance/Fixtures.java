package org.headwater.provenance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SoftwareInfo;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;

/** Known run records for tests. */
public final class Fixtures {
  public static final String DOI = "10.5281/zenodo.7654321";
  public static final String DOI_IRI = "https://doi.org/" + DOI;
  public static final String ORCID = "https://orcid.org/0000-0002-1825-0097";
  public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  public static final SoftwareInfo SOFTWARE =
      new SoftwareInfo("0.1.0", "17.0.15", "2.70.0", "4.5.5", "DirectRunner");

  private Fixtures() {}

  /** SHA-256 of a seed string, as a stand-in file checksum. */
  public static String sha(String seed) {
    return Checksums.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  public static RecipeInfo recipe(String id) {
    return new RecipeInfo(
        id, sha("recipe " + id), "recipe.yaml", "Greenland surface speed", "An ensemble.", "CC-BY-4.0",
        List.of(new Creator("Ada Lovelace", ORCID, "Analytical Engines", null)),
        List.of("glaciology"), List.of());
  }

  /** Two ensemble members from a DOI, a rename and a run_command step, Zarr and NetCDF outputs. */
  public static RunRecord greenland() {
    List<InputRecord> inputs =
        List.of(
            input("https://data.example.org/speed_m0.nc", sha("m0"), DOI, "\"etag-m0\"", Map.of("member", "0")),
            input("https://data.example.org/speed_m1.nc", sha("m1"), DOI, "\"etag-m1\"", Map.of("member", "1")));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("argv", List.of("ncatted", "-a", "history,global,d,,", "in.nc"));
    details.put("exitCode", 0);
    details.put("toolVersion", "NCO 5.1.4");
    List<StepRecord> steps =
        List.of(
            new StepRecord(1, "rename", Map.of("variables", Map.of("velsurf_mag", "speed")), Map.of(), List.of("speed")),
            new StepRecord(2, "run_command", Map.of("command", "ncatted"), details, List.of("speed")));
    VariableRecord speed =
        new VariableRecord("speed", "float32", List.of("member", "time", "y", "x"), "m year-1",
            "ice surface speed", "NaN", List.of("velsurf_mag"), List.of(1, 2));
    List<OutputRecord> outputs =
        List.of(
            new OutputRecord("speed", "outputs/speed.zarr", "zarr", sha("zarr"), 1234, List.of(speed), null),
            new OutputRecord("speed-nc", "outputs/speed.nc", "netcdf3", sha("nc"), 5678, List.of(speed), null));
    return new RunRecord("run-greenland-1", RunRecord.SUCCEEDED, recipe("greenland-speed"), T0,
        T0.plusSeconds(90), SOFTWARE, inputs, List.of(), steps, outputs, null);
  }

  /** A one-input, one-output run: {@code inputSha} read from {@code url}, {@code outputSha} written. */
  public static RunRecord link(String runId, String url, String inputSha, String sourceOfTruth, String outputSha, Instant start) {
    VariableRecord v = new VariableRecord("v", "float64", List.of("t"), "K", null, null, List.of("v"), List.of(1));
    return new RunRecord(runId, RunRecord.SUCCEEDED, recipe("recipe-" + runId), start, start.plusSeconds(10), SOFTWARE,
        List.of(input(url, inputSha, sourceOfTruth, null, Map.of())),
        List.of(), List.of(new StepRecord(1, "set_attributes", Map.of("title", "x"), Map.of(), List.of("v"))),
        List.of(new OutputRecord("out-" + runId, "outputs/" + runId + ".nc", "netcdf3", outputSha, 10, List.of(v), null)),
        null);
  }

  public static InputRecord input(String url, String sha, String sourceOfTruth, String etag, Map<String, String> keys) {
    return new InputRecord(url, sourceOfTruth, sha, 100, T0.plusSeconds(5), etag,
        etag == null ? null : "Wed, 01 May 2024 09:00:00 GMT", "netcdf", keys, false);
  }
}
