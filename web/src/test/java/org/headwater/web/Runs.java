package org.headwater.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SkippedInput;
import org.headwater.provenance.record.SoftwareInfo;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.provenance.store.LineageStore;

/** Run records for the page tests, loaded into a store the way {@code headwater run} loads them. */
final class Runs {
  static final String TRUTH = "https://doi.org/10.5281/zenodo.7654321";
  static final String HOSTILE = "Speed <script>alert('x')</script> & friends";
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final SoftwareInfo SOFTWARE = new SoftwareInfo("0.1.0", "17.0.15", "2.70.0", "4.5.5", "DirectRunner");

  private Runs() {}

  static String sha(String seed) {
    return Checksums.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An ensemble run: {@code members} source files of one DOI (member 2 skipped), a rename step,
   * a NetCDF output; its recipe and log written to {@code runDir}.
   */
  static RunRecord ensemble(String runId, String title, int members, Path runDir) throws Exception {
    List<InputRecord> inputs = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      if (m != 2) {
        inputs.add(new InputRecord("https://data.example.org/speed_m" + m + ".nc", TRUTH, sha("m" + m), 81116,
            T0.plusSeconds(5), null, null, "netcdf", Map.of("member", Integer.toString(m)), false));
      }
    }
    VariableRecord speed = new VariableRecord("speed", "float32", List.of("member", "y", "x"), "m s-1",
        "ice surface speed", "NaN", List.of("velsurf_mag"), List.of(1));
    String recipeText = "id: greenland\ntitle: \"" + title + "\"\n";
    Files.createDirectories(runDir);
    Files.writeString(runDir.resolve("recipe.yaml"), recipeText);
    Files.writeString(runDir.resolve("run.log"), "2024-05-01T10:00:01Z [INFO] RecipeRunner - started " + runId + "\n");
    RecipeInfo recipe = new RecipeInfo("greenland", Checksums.sha256(runDir.resolve("recipe.yaml")), "recipe.yaml",
        title, "An ensemble <b>not bold</b>.", "CC-BY-4.0",
        List.of(new Creator("Ada King Lovelace", "https://orcid.org/0000-0002-1825-0097", null, null)),
        List.of("glaciology"), List.of());
    return new RunRecord(runId, RunRecord.SUCCEEDED, recipe, T0, T0.plusSeconds(90), SOFTWARE, inputs,
        List.of(new SkippedInput("https://data.example.org/speed_m2.nc", Map.of("member", "2"), "HTTP 404")),
        List.of(new StepRecord(1, "rename", Map.of("variables", Map.of("velsurf_mag", "speed")), Map.of(),
            List.of("speed"))),
        List.of(new OutputRecord("speed-nc", "outputs/speed.nc", "netcdf3", sha("nc " + runId), 32840,
            List.of(speed), null)),
        null);
  }

  /** A run that reads {@code upstream}'s output and writes a mean. */
  static RunRecord derived(String runId, RunRecord upstream) {
    OutputRecord in = upstream.outputs().get(0);
    VariableRecord mean = new VariableRecord("mean_speed", "float32", List.of("y", "x"), "m s-1", null, null,
        List.of("speed"), List.of(1));
    RecipeInfo recipe = new RecipeInfo("mean", sha("mean recipe"), "recipe.yaml", "Ensemble mean", null, null,
        List.of(), List.of(), List.of());
    return new RunRecord(runId, RunRecord.SUCCEEDED, recipe, T0.plusSeconds(600), T0.plusSeconds(630), SOFTWARE,
        List.of(new InputRecord("file:/work/runs/" + upstream.runId() + "/" + in.path(), TRUTH, in.sha256(),
            in.size(), T0.plusSeconds(601), null, null, "netcdf", Map.of(), false)),
        List.of(), List.of(), List.of(new OutputRecord("mean", "outputs/mean.nc", "netcdf3", sha("mean " + runId), 900,
            List.of(mean), null)),
        null);
  }

  /**
   * A later run of {@code ensemble}'s recipe (the same text, so the same recipe entity) that failed
   * with {@code error} after fetching members 0 and 1 and a file no other run read
   * ({@code speed_m9.nc}); its recipe and log (an INFO and an ERROR line) written to {@code runDir}.
   */
  static RunRecord failed(String runId, RunRecord ensemble, Path ensembleDir, Path runDir, String error)
      throws Exception {
    Files.createDirectories(runDir);
    Files.copy(ensembleDir.resolve("recipe.yaml"), runDir.resolve("recipe.yaml"));
    Files.writeString(runDir.resolve("run.log"), "2024-05-02T10:00:01Z [INFO] RunDriver - run " + runId
        + " of greenland on DirectRunner\n2024-05-02T10:00:09Z [ERROR] the run failed: " + error + "\n");
    List<InputRecord> fetched = new ArrayList<>(ensemble.inputs().subList(0, 2));
    fetched.add(new InputRecord("https://data.example.org/speed_m9.nc", TRUTH, sha("m9"), 81116,
        T0.plusSeconds(86_405), null, null, "netcdf", Map.of("member", "9"), false));
    return new RunRecord(runId, RunRecord.FAILED, ensemble.recipe(), T0.plusSeconds(86_400),
        T0.plusSeconds(86_409), SOFTWARE, fetched, List.of(), List.of(), List.of(), error);
  }

  static void load(LineageStore store, RunRecord record, Path runDir) {
    store.load(record.runId(), ProvenanceGraphs.buildUnvalidated(record, runDir));
  }
}
