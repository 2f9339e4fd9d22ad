package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.headwater.ontologies.HW;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.headwater.provenance.graph.FailedRunGraph;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceValidator;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails still records what it did: its run directory keeps {@code prov-failed.ttl} (read
 * here by rdflib), valid under the shapes, naming the sources it had fetched and no output, and the
 * lineage store holds that graph under the run's IRI; the error is the one the run reports, with
 * any token in a URL left out of everything kept.
 */
class FailedRunProvenanceIT {
  @TempDir Path tmp;

  private RunOptions options() {
    return RunOptions.defaults(tmp.resolve("work")).withParallelism(2).withStore(tmp.resolve("lineage"));
  }

  private Path onlyRunDir() throws Exception {
    try (Stream<Path> dirs = Files.list(tmp.resolve("work/runs"))) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void aRunFailingAtAStepRecordsItsSourcesItsErrorAndNoOutputInTheStore() throws Exception {
    DemoData.write(tmp.resolve("src"));
    String recipe = "id: fails-at-step-2\ntitle: Fails at step 2\nsources:\n  url: \"" + tmp.resolve("src").toUri()
        + "speed_member{member:02d}.nc\"\n"
        + "  dimensions: [{name: member, new: true, range: {start: 1, end: 2}}]\n"
        + "steps:\n  - {step: select_variables, variables: [velsurf_mag]}\n"
        + "  - {step: rename, variables: {temperature: t}}\n"
        + "outputs:\n  - {name: speed, format: zarr}\n";
    assertThatThrownBy(() -> RecipeRunner.run(Recipes.parse(recipe), options()))
        .isInstanceOf(RecipeException.class).hasMessageContaining("step 2 (rename)");
    Path runDir = onlyRunDir();
    RunRecord record = RunRecords.read(runDir);
    assertThat(record.status()).isEqualTo(RunRecord.FAILED);
    Path ttl = runDir.resolve(FailedRunGraph.FILE);
    assertThat(ttl).isNotEmptyFile();
    assertThat(runDir.resolve("prov.ttl")).doesNotExist();
    assertThat(runDir.resolve("outputs")).doesNotExist();
    assertThat(ProvenanceValidator.validateFile(ttl)).isEmpty();

    Python.require("python3-rdflib", "rdflib");
    String rows = Python.run(String.join("\n",
        "import sys, rdflib",
        "g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')",
        "HW = rdflib.Namespace('https://w3id.org/headwater/ns#')",
        "PROV = rdflib.Namespace('http://www.w3.org/ns/prov#')",
        "run = next(g.subjects(HW.status, None))",
        "made = list(g.subjects(PROV.wasGeneratedBy, None)) + list(g.objects(None, PROV.generated))"
            + " + list(g.subjects(rdflib.RDF.type, PROV.Generation))",
        "plans = [g.value(a, PROV.hadPlan) for a in g.objects(run, PROV.qualifiedAssociation)]",
        "print(g.value(run, HW.status), len(set(g.objects(run, PROV.used))), len(made), g.value(run, HW.error), sep='|')",
        "print(*sorted(set(str(g.value(p, PROV.atLocation)) for p in plans)))"),
        ttl.toString());
    assertThat(rows.lines().toList()).containsExactly(
        "failed|2|0|" + record.error(), runDir.resolve("recipe.yaml").toUri().toString());
    assertThat(record.error()).contains("step 2 (rename)");

    assertThat(runDir.resolve(PendingGraphs.MARKER)).as("loaded, no longer queued").doesNotExist();
    String run = ProvIris.run(record.runId());
    try (LineageStore store = LineageStore.open(tmp.resolve("lineage"))) {
      assertThat(store.graphNames()).containsExactly(run);
      String stored = store.read(ds -> ds.asDatasetGraph().getGraph(NodeFactory.createURI(run))
          .find(NodeFactory.createURI(run), HW.error.asNode(), Node.ANY).next()
          .getObject().getLiteralLexicalForm());
      assertThat(stored).isEqualTo(record.error());
    }
  }

  @Test
  void aTokenInTheUrlOfAFailedFetchIsKeptOutOfRunJsonAndTheGraph() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(401));
      server.start();
      String url = server.url("/speed_00.nc").toString() + "?access_token=T0KEN-s3cr3t";
      String recipe = "id: token-in-url\nsources:\n  url: \"" + url.replace("_00.nc", "_{t:02d}.nc") + "\"\n"
          + "  dimensions: [{name: t, range: {start: 0, end: 0}}]\n"
          + "outputs:\n  - {name: out, format: zarr}\n";
      assertThatThrownBy(() -> RecipeRunner.run(Recipes.parse(recipe), options()))
          .isInstanceOf(RecipeException.class).hasMessageContaining("HTTP 401");
      assertThat(server.takeRequest().getPath()).as("the server was asked").contains("access_token=");
    }
    Path runDir = onlyRunDir();
    RunRecord record = RunRecords.read(runDir);
    assertThat(record.error()).contains("HTTP 401", "access_token=REDACTED").doesNotContain("T0KEN");
    assertThat(Files.readString(runDir.resolve("run.json"))).doesNotContain("T0KEN");
    assertThat(Files.readString(runDir.resolve(FailedRunGraph.FILE)))
        .contains("access_token=REDACTED").doesNotContain("T0KEN");
    try (LineageStore store = LineageStore.open(tmp.resolve("lineage"))) {
      List<String> stored = store.read(ds -> ds.asDatasetGraph().getUnionGraph()
          .find(Node.ANY, HW.error.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList());
      assertThat(stored).containsExactly(record.error());
    }
  }
}
