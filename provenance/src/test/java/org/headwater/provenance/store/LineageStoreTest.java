package org.headwater.provenance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
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
    try (TdbLineageStore store = LineageStore.open(dir.resolve("store"))) {
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
    try (TdbLineageStore store = LineageStore.open(dir.resolve("store"))) {
      Model m = run("ok");
      boolean[] ran = {false};
      store.load("ok", m, () -> ran[0] = true);
      assertThat(ran[0]).isTrue();
      assertThat(store.graphSize(ProvenanceGraphs.graphName("ok"))).isEqualTo(m.size());
    }
  }

  /**
   * Every combination of bound and unbound graph, subject, predicate and object finds what an
   * in-memory dataset finds. TDB2 answers each from an index whose key starts with the bound
   * positions; with fewer than its six quad indexes it falls back to a scan with a filter, and
   * that filter (Jena 5.6.0) took an inline literal 0 or false for the node stored first, here
   * the first graph's name: (g ? ? g) returned quads with "0" and false as objects. This keeps
   * any change to the store's indexes honest.
   */
  @Test
  void everyQuadPatternFindsWhatAnInMemoryDatasetFinds() {
    Path location = dir.resolve("store");
    DatasetGraph expected = DatasetFactory.createTxnMem().asDatasetGraph();
    try (TdbLineageStore store = LineageStore.open(location)) {
      for (String id : List.of("a", "b")) {
        Model m = run(id);
        store.load(id, m);
        Node g = org.apache.jena.graph.NodeFactory.createURI(ProvenanceGraphs.graphName(id));
        m.getGraph().find().forEachRemaining(t -> expected.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
      }
      // every combination of bound and unbound positions, for quads of both graphs
      DatasetGraph tdb = store.dataset().asDatasetGraph();
      List<Quad> probes = new ArrayList<>();
      expected.find().forEachRemaining(q -> {
        if (probes.size() < 40 && (q.getSubject().hashCode() % 7 == 0 || q.getObject().equals(q.getGraph())
            || q.getObject().isLiteral())) {
          probes.add(q);
        }
      });
      assertThat(probes).hasSizeGreaterThan(10);
      Txn.executeRead(tdb, () -> {
        for (Quad q : probes) {
          for (int mask = 0; mask < 16; mask++) {
            Node g = (mask & 8) != 0 ? q.getGraph() : Node.ANY;
            Node s = (mask & 4) != 0 ? q.getSubject() : Node.ANY;
            Node p = (mask & 2) != 0 ? q.getPredicate() : Node.ANY;
            Node o = (mask & 1) != 0 ? q.getObject() : Node.ANY;
            assertThat(set(tdb.find(g, s, p, o))).as("find(%s %s %s %s)", g, s, p, o)
                .isEqualTo(set(expected.find(g, s, p, o)));
          }
        }
      });
    }
  }

  private static Set<Quad> set(java.util.Iterator<Quad> it) {
    Set<Quad> out = new HashSet<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
