package org.headwater.provenance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.ShapeViolationException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageStoreTest {
  @TempDir Path dir;

  private static Model run(String id) {
    return ProvenanceGraphs.build(
        Fixtures.link(id, "file:/data/in-" + id + ".nc", Fixtures.sha("in-" + id), "https://doi.org/10.5072/X",
            Fixtures.sha("out-" + id), Fixtures.T0), null);
  }

  @Test
  void aVetoBeforeCommitLeavesNothingAndPropagatesUnchanged() {
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      store.load("kept", run("kept"));
      ShapeViolationException veto = new ShapeViolationException("hwsh:OutputShape", "urn:x", java.util.List.of("bad"));
      assertThatThrownBy(() -> store.load("vetoed", run("vetoed"), () -> {
        throw veto;
      })).isSameAs(veto);
      assertThat(store.contains(ProvenanceGraphs.graphName("vetoed"))).isFalse();
      assertThat(store.graphNames()).containsExactly(ProvenanceGraphs.graphName("kept"));
    }
    try (LineageStore reopened = LineageStore.open(dir.resolve("store"))) {
      assertThat(reopened.graphNames()).as("after reopening too").containsExactly(ProvenanceGraphs.graphName("kept"));
    }
  }

  @Test
  void theCheckBeforeCommitSeesTheLoadInProgressAndTheGraphIsThereAfter() {
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      Model m = run("ok");
      boolean[] ran = {false};
      store.load("ok", m, () -> ran[0] = true);
      assertThat(ran[0]).isTrue();
      assertThat(store.graphSize(ProvenanceGraphs.graphName("ok"))).isEqualTo(m.size());
    }
  }
}
