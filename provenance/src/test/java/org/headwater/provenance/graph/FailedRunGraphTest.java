package org.headwater.provenance.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed run's graph: what did happen, valid under the shapes, and no output claimed. */
class FailedRunGraphTest {
  private static final String SH = "https://w3id.org/headwater/shapes#";
  private static final String RUN = ProvIris.run("run-failed-1");

  @TempDir Path dir;

  /** The greenland run, failed after fetching its two members: nothing of its steps or outputs. */
  static RunRecord failed(String error) {
    RunRecord g = Fixtures.greenland();
    return new RunRecord("run-failed-1", RunRecord.FAILED, g.recipe(), g.started(), g.started().plusSeconds(7),
        g.software(), g.inputs(), List.of(), List.of(), List.of(), error);
  }

  @Test
  void aFailedRunsGraphPassesTheShapesAndClaimsNoOutput() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("runs/run-failed-1"));
    Model m = FailedRunGraph.build(failed("step 2 (rename): no variable 'velsurf'"), runDir);
    assertThat(ProvenanceValidator.validate(m.getGraph())).isEmpty();
    Resource run = m.createResource(RUN);
    assertThat(run.hasProperty(RDF.type, PROV.Activity)).isTrue();
    assertThat(run.getProperty(HW.status).getString()).isEqualTo("failed");
    assertThat(run.getProperty(HW.error).getString()).isEqualTo("step 2 (rename): no variable 'velsurf'");
    assertThat(run.hasProperty(PROV.startedAtTime)).isTrue();
    assertThat(run.hasProperty(PROV.endedAtTime)).isTrue();
    assertThat(m.listObjectsOfProperty(run, PROV.used).toList()).hasSize(2);
    assertThat(m.listObjectsOfProperty(PROV.atLocation).toList()).extracting(n -> n.asResource().getURI())
        .containsExactly(runDir.resolve("recipe.yaml").toUri().toString());
    assertThat(m.listStatements(null, PROV.wasGeneratedBy, (org.apache.jena.rdf.model.RDFNode) null).toList())
        .as("no entity was generated").isEmpty();
    assertThat(m.listStatements(null, m.createProperty(PROV.NS + "generated"), (org.apache.jena.rdf.model.RDFNode) null).toList()).isEmpty();
    assertThat(m.listSubjectsWithProperty(RDF.type, PROV.Generation).toList()).isEmpty();
    assertThat(m.listSubjectsWithProperty(RDF.type, HW.Output).toList()).isEmpty();
    assertThat(m.listSubjectsWithProperty(RDF.type, HW.Step).toList()).isEmpty();
  }

  @Test
  void onlyAFailedRecordWithoutOutputsMakesOne() {
    assertThatThrownBy(() -> FailedRunGraph.build(Fixtures.greenland(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not failed");
    RunRecord g = Fixtures.greenland();
    RunRecord claiming = new RunRecord("run-failed-1", RunRecord.FAILED, g.recipe(), g.started(), g.ended(),
        g.software(), g.inputs(), List.of(), g.steps(), g.outputs(), "boom");
    assertThatThrownBy(() -> FailedRunGraph.build(claiming, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names outputs");
  }

  @Test
  void theShapesRejectAFailedRunThatClaimsAnOutputOrGivesNoError() {
    RunRecord g = Fixtures.greenland();
    RunRecord claiming = new RunRecord("run-failed-1", RunRecord.FAILED, g.recipe(), g.started(), g.ended(),
        g.software(), g.inputs(), List.of(), g.steps(), g.outputs(), "boom");
    assertThat(ProvenanceValidator.validate(ProvenanceGraphs.buildUnvalidated(claiming, null).getGraph()))
        .as("the outputs' generation names the failed run")
        .anyMatch(p -> p.check().equals(SH + "FailedRunGeneratedNothing") && p.focusNode().equals(RUN))
        .anyMatch(p -> p.check().equals(SH + "FailedRunGeneration") && p.focusNode().equals(RUN));
    assertThat(ProvenanceValidator.validate(ProvenanceGraphs.buildUnvalidated(failed(null), null).getGraph()))
        .anyMatch(p -> p.check().equals(SH + "RunStatus") && p.focusNode().equals(RUN));
    Model m = ProvenanceGraphs.buildUnvalidated(Fixtures.greenland(), null);
    m.createResource(ProvIris.run("run-greenland-1")).addProperty(HW.error, "an error on a run that succeeded");
    assertThat(ProvenanceValidator.validate(m.getGraph()))
        .anyMatch(p -> p.check().equals(SH + "FailedRunStatus"))
        .anyMatch(p -> p.check().equals(SH + "FailedRunGeneratedNothing"));
    assertThat(ProvenanceValidator.validate(ProvenanceGraphs.buildUnvalidated(Fixtures.greenland(), null).getGraph()))
        .as("a successful run has no error and conforms, as before").isEmpty();
  }

  @Test
  void writtenAsTurtleAndLoadedFromTheQueueWhenTheStoreOpens() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("runs/run-failed-1"));
    RunRecord record = failed("checksum mismatch for file:/data/m0.nc");
    Model m = FailedRunGraph.build(record, runDir);
    Path file = FailedRunGraph.write(m, runDir);
    assertThat(file.getFileName().toString()).isEqualTo("prov-failed.ttl");
    assertThat(RDFDataMgr.loadModel(file.toString()).isIsomorphicWith(m)).isTrue();
    assertThat(runDir.resolve("prov.ttl")).as("prov.ttl is a committed run's").doesNotExist();

    RunRecords.write(record, runDir);
    StoreTarget target = StoreTarget.embedded(dir.resolve("lineage"));
    PendingGraphs.queue(runDir, ProvenanceGraphs.graphName(record.runId()), target);
    Path lost = Files.createDirectories(dir.resolve("runs/run-failed-2"));
    RunRecords.write(new RunRecord("run-failed-2", RunRecord.FAILED, record.recipe(), record.started(),
        record.ended(), record.software(), List.of(), List.of(), List.of(), List.of(), "x"), lost);
    PendingGraphs.queue(lost, ProvenanceGraphs.graphName("run-failed-2"), target);
    try (LineageStore s = target.open()) {
      assertThat(s.graphNames()).as("the failed run without a graph file is dropped")
          .containsExactly(RUN);
      boolean same = s.read(ds -> ModelFactory.createModelForGraph(ds.asDatasetGraph()
          .getGraph(org.apache.jena.graph.NodeFactory.createURI(RUN))).isIsomorphicWith(m));
      assertThat(same).as("the store holds the graph the run wrote").isTrue();
    }
    assertThat(runDir.resolve(PendingGraphs.MARKER)).doesNotExist();
    assertThat(lost.resolve(PendingGraphs.MARKER)).doesNotExist();
  }
}
