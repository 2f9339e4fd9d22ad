package org.headwater.provenance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's graph staged while the run works, then brought to the final graph and committed. */
class StagedLoadTest {
  @TempDir Path dir;

  private static final String RUN = "run-greenland-1";
  private static final String NAME = ProvenanceGraphs.graphName(RUN);

  /** The run as known once it has planned: inputs and steps, no outputs, no end time yet. */
  private static Graph provisional() {
    RunRecord r = Fixtures.greenland();
    RunRecord before = new RunRecord(r.runId(), r.status(), r.recipe(), r.started(), r.started(), r.software(),
        r.inputs(), r.skipped(), r.steps(), List.of(), null);
    return ProvenanceGraphs.buildUnvalidated(before, null).getGraph();
  }

  private static Model fin() {
    return ProvenanceGraphs.build(Fixtures.greenland(), null);
  }

  private static Model stored(LineageStore store) {
    return store.read(ds -> ModelFactory.createDefaultModel()
        .add(ModelFactory.createModelForGraph(ds.asDatasetGraph().getGraph(NodeFactory.createURI(NAME)))));
  }

  @Test
  void finishLeavesExactlyTheFinalGraphAndNothingIsVisibleBefore() {
    Graph staged = provisional();
    Model fin = fin();
    assertThat(staged.find().filterDrop(fin.getGraph()::contains).toList())
        .as("the provisional graph has a triple the final one replaces (the end time)").isNotEmpty();
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      store.load("earlier", ProvenanceGraphs.build(Fixtures.link("earlier", "file:/a.nc", Fixtures.sha("a"),
          "https://doi.org/10.5072/X", Fixtures.sha("b"), Fixtures.T0), null));
      try (StagedLoad load = store.begin(RUN)) {
        load.stage(staged);
        assertThat(store.graphNames()).as("readers see only committed graphs").doesNotContain(NAME);
        boolean[] sawValid = {false};
        assertThat(load.finish(fin.getGraph(), () -> sawValid[0] = true)).isEqualTo(NAME);
        assertThat(sawValid[0]).isTrue();
      }
      assertThat(stored(store).isIsomorphicWith(fin)).as("the store holds the final graph, no provisional leftovers").isTrue();
      assertThat(store.graphNames()).containsExactlyInAnyOrder(NAME, ProvenanceGraphs.graphName("earlier"));
    }
  }

  @Test
  void closingUnfinishedAbortsAndTheStoreTakesTheRunLater() {
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      try (StagedLoad load = store.begin(RUN)) {
        load.stage(provisional());
      }
      assertThat(store.graphNames()).isEmpty();
      store.load(RUN, fin());
      assertThat(store.graphSize(NAME)).isEqualTo(fin().size());
    }
    try (LineageStore reopened = LineageStore.open(dir.resolve("store"))) {
      assertThat(stored(reopened).isIsomorphicWith(fin())).as("after reopening").isTrue();
    }
  }

  @Test
  void aVetoAfterStagingPropagatesUnchangedAndLeavesNothing() {
    IllegalStateException veto = new IllegalStateException("outputs could not be moved");
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      try (StagedLoad load = store.begin(RUN)) {
        load.stage(provisional());
        assertThatThrownBy(() -> load.finish(fin().getGraph(), () -> {
          throw veto;
        })).isSameAs(veto);
      }
      assertThat(store.graphNames()).isEmpty();
    }
  }

  @Test
  void aFailedStageIsReportedByFinish() {
    Graph bad = ModelFactory.createDefaultModel().getGraph();
    bad.add(Triple.create(NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o")));
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      try (StagedLoad load = store.begin(RUN)) {
        load.stage(bad);
        load.stage(provisional());
        assertThatThrownBy(() -> load.finish(fin().getGraph(), () -> {}))
            .isInstanceOf(org.headwater.provenance.LineageStoreException.class)
            .hasMessageContaining("already staged for " + NAME);
      }
      assertThat(store.graphNames()).isEmpty();
    }
  }
}
