package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.headwater.provenance.ShapeViolationException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.SoftwareInfo;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit's provenance part: SHACL still gates the outputs; the store is loaded after run.json. */
class ProvenanceCaptureTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aGraphThatFailsShaclPublishesNothingAndQueuesNothing() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("runs/r1"));
    RunRecord noInputs = record("r1", List.of());
    AtomicBoolean published = new AtomicBoolean();
    StoreTarget store = StoreTarget.embedded(dir.resolve("lineage"));
    try (ProvenanceCapture capture = ProvenanceCapture.start(store)) {
      assertThatThrownBy(() -> capture.record(noInputs, runDir, false, () -> {}, () -> published.set(true)))
          .isInstanceOf(ShapeViolationException.class);
    }
    assertThat(published).as("uploads and clean-up wait for a valid graph").isFalse();
    try (var files = Files.list(runDir)) {
      assertThat(files).as("no prov.ttl, no temporary file, no .store-pending").isEmpty();
    }
    assertThat(PendingGraphs.spool(store)).doesNotExist();
  }

  @Test
  void aValidGraphIsWrittenBeforeTheOutputsAreCommittedAndLoadedAfterRunJson() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("runs/r2"));
    RunRecord record = record("r2", List.of(new InputRecord("file:/data/in.nc", null, sha("in"), 100, T0, null, null,
        "netcdf", Map.of(), false)));
    StoreTarget store = StoreTarget.embedded(dir.resolve("lineage"));
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ProvenanceCapture capture = ProvenanceCapture.start(store)) {
      capture.record(record, runDir, false, () -> order.add("move"), () -> order.add("publish"));
      assertThat(order).containsExactly("move", "publish");
      assertThat(runDir.resolve("prov.ttl")).isNotEmptyFile();
      assertThat(Files.readString(runDir.resolve(PendingGraphs.MARKER)))
          .contains("graph=" + ProvenanceGraphs.graphName("r2"));
      RunRecords.write(record, runDir);
      capture.store(runDir);
    }
    assertThat(runDir.resolve(PendingGraphs.MARKER)).doesNotExist();
    try (TdbLineageStore s = LineageStore.open(dir.resolve("lineage"))) {
      assertThat(s.graphNames()).containsExactly(ProvenanceGraphs.graphName("r2"));
    }
  }

  private static RunRecord record(String runId, List<InputRecord> inputs) {
    VariableRecord v = new VariableRecord("v", "float64", List.of("t"), "K", null, null, List.of("v"), List.of(1));
    RecipeInfo recipe = new RecipeInfo("recipe-" + runId, sha("recipe"), "recipe.yaml", "A recipe", "One file.",
        "CC-BY-4.0", List.of(new Creator("Ada Lovelace", null, null, null)), List.of(), List.of());
    return new RunRecord(runId, RunRecord.SUCCEEDED, recipe, T0, T0.plusSeconds(10),
        new SoftwareInfo("0.1.0", "17", "2.70.0", "4.5.5", "DirectRunner"), inputs, List.of(),
        List.of(new StepRecord(1, "set_attributes", Map.of("title", "x"), Map.of(), List.of("v"))),
        List.of(new OutputRecord("out", "outputs/out.nc", "netcdf3", sha("out"), 10, List.of(v), null)), null);
  }

  private static String sha(String seed) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
