package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SoftwareInfo;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.provenance.store.LineageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's graph preloaded once the run has planned, then completed at commit. */
class ProvenanceCaptureTest {
  @TempDir Path tmp;

  private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
  private static final String SHA_IN = "a".repeat(64);
  private static final String SHA_IN2 = "b".repeat(64);
  private static final String SHA_OUT = "c".repeat(64);

  /** A two-file run; {@code done} adds its output and end time, as the commit knows them. */
  private static RunRecord record(boolean done) {
    List<InputRecord> inputs = List.of(
        new InputRecord("https://data.example.org/day0.nc", "https://doi.org/10.5072/X", SHA_IN, 100, T0.plusSeconds(1), null, null,
            "netcdf", Map.of("time", "0"), false, List.of("sic")),
        new InputRecord("https://data.example.org/day1.nc", "https://doi.org/10.5072/X", SHA_IN2, 100, T0.plusSeconds(1), null, null,
            "netcdf", Map.of("time", "1"), false, List.of("sic")));
    VariableRecord sic = new VariableRecord("sic", "float32", List.of("time", "y", "x"), "1", null, "NaN",
        List.of("sic"), List.of(0));
    List<OutputRecord> outputs = done
        ? List.of(new OutputRecord("sic", "outputs/sic.zarr", "zarr", SHA_OUT, 10, List.of(sic), null))
        : List.of();
    return new RunRecord("run-1", RunRecord.SUCCEEDED,
        new RecipeInfo("sic", "d".repeat(64), "recipe.yaml", "Sea ice", null, "CC-BY-4.0", List.of(), List.of(), List.of()),
        T0, done ? T0.plusSeconds(60) : T0, new SoftwareInfo("0.1.0", "17", "2.70.0", "4.5.5", "DirectRunner"),
        inputs, List.of(), List.of(new StepRecord(0, "rename", Map.of(), Map.of(), List.of("sic"))), outputs, null);
  }

  private static Model stored(Path store) {
    try (LineageStore s = LineageStore.open(store)) {
      return s.read(ds -> ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(
          ds.asDatasetGraph().getGraph(NodeFactory.createURI(ProvenanceGraphs.graphName("run-1"))))));
    }
  }

  @Test
  void thePreloadedStoreGraphEndsUpEqualToProvTtl() throws Exception {
    Path runDir = Files.createDirectories(tmp.resolve("run"));
    boolean[] published = {false};
    Model prov;
    try (ProvenanceCapture capture = ProvenanceCapture.start(tmp.resolve("store"))) {
      capture.preload(() -> record(false), runDir);
      prov = capture.record(record(true), runDir, false, () -> published[0] = true);
    }
    assertThat(published[0]).isTrue();
    Model ttl = RDFDataMgr.loadModel(runDir.resolve("prov.ttl").toString());
    assertThat(ttl.difference(prov).listStatements().toList()).isEmpty();
    assertThat(prov.difference(ttl).listStatements().toList()).isEmpty();
    Model inStore = stored(tmp.resolve("store"));
    assertThat(inStore.isIsomorphicWith(ttl)).as("store graph = prov.ttl, with nothing provisional left").isTrue();
    assertThat(inStore.listStatements(null, inStore.createProperty("http://www.w3.org/ns/prov#endedAtTime"), (String) null)
        .toList()).hasSize(1);
  }

  @Test
  void aRunThatFailsAfterThePreloadLeavesNothingInTheStore() throws Exception {
    Path runDir = Files.createDirectories(tmp.resolve("run"));
    try (ProvenanceCapture capture = ProvenanceCapture.start(tmp.resolve("store"))) {
      capture.preload(() -> record(false), runDir);
      // the pipeline fails here: no record() call
    }
    try (LineageStore s = LineageStore.open(tmp.resolve("store"))) {
      assertThat(s.graphNames()).isEmpty();
    }
  }

  @Test
  void outputsThatCannotBePublishedAbortThePreloadedGraph() throws Exception {
    Path runDir = Files.createDirectories(tmp.resolve("run"));
    IllegalStateException cannotMove = new IllegalStateException("cannot move the outputs");
    try (ProvenanceCapture capture = ProvenanceCapture.start(tmp.resolve("store"))) {
      capture.preload(() -> record(false), runDir);
      assertThatThrownBy(() -> capture.record(record(true), runDir, false, () -> {
        throw cannotMove;
      })).isSameAs(cannotMove);
    }
    assertThat(runDir.resolve("prov.ttl")).doesNotExist();
    try (LineageStore s = LineageStore.open(tmp.resolve("store"))) {
      assertThat(s.graphNames()).isEmpty();
    }
  }
}
