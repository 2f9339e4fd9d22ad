package org.headwater.provenance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.NamedQuery;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.store.LineageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10,000-hop derivation chain answers, in a thread with a deliberately small stack. */
class DeepChainTest {
  private static final int HOPS = 10_000;
  private static final long SMALL_STACK = 256 * 1024;

  @TempDir static Path dir;
  private static LineageStore store;

  @BeforeAll
  static void loadChain() {
    Graph g = GraphFactory.createDefaultGraph();
    for (int i = 0; i < HOPS; i++) {
      g.add(Triple.create(node(i + 1), PROV.wasDerivedFrom.asNode(), node(i)));
      g.add(Triple.create(node(i), RDF.type.asNode(), HW.Output.asNode()));
    }
    store = LineageStore.open(dir.resolve("store"));
    store.replace("urn:test:deep-chain", g);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void walksTenThousandHopsUpstreamAndDownstream() throws Exception {
    LineageGraph[] result = new LineageGraph[2];
    String[] tree = new String[1];
    onSmallStack(() -> {
      result[0] = Lineages.lineage(store, ProvIris.file(sha(HOPS)), Lineage.Direction.UPSTREAM, Lineage.UNLIMITED);
      result[1] = Lineages.lineage(store, ProvIris.file(sha(0)), Lineage.Direction.DOWNSTREAM, Lineage.UNLIMITED);
      tree[0] = LineageRenderer.tree(result[0]);
      LineageRenderer.dot(result[0]);
    });
    assertThat(result[0].nodes()).hasSize(HOPS + 1);
    assertThat(result[0].depth().get(node(0))).isEqualTo(HOPS);
    assertThat(result[1].nodes()).hasSize(HOPS + 1);
    assertThat(tree[0].lines().count()).isEqualTo(HOPS + 1);
  }

  @Test
  void sourceRootsQueryAnswersOnTenThousandHops() throws Exception {
    List<String> roots = new java.util.ArrayList<>();
    onSmallStack(() -> store.read(ds -> {
      try (QueryExecution qe = QueryExecution.dataset(ds).query(NamedQuery.SOURCE_ROOTS.query())
          .substitution("target", ds.getDefaultModel().asRDFNode(node(HOPS))).build()) {
        qe.execSelect().forEachRemaining(r -> roots.add(r.getResource("root").getURI()));
      }
      return null;
    }));
    assertThat(roots).containsExactly(ProvIris.file(sha(0)));
  }

  private static void onSmallStack(Runnable r) throws Exception {
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        r.run();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "small-stack", SMALL_STACK);
    t.start();
    t.join(60_000);
    assertThat(t.isAlive()).as("walk finished in time").isFalse();
    assertThat(failure[0]).as("no StackOverflowError").isNull();
  }

  private static Node node(int i) {
    return NodeFactory.createURI(ProvIris.file(sha(i)));
  }

  private static String sha(int i) {
    return String.format("%064x", i);
  }
}
