package org.headwater.provenance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.ontologies.NamedQuery;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.internal.TdbUnion;
import org.headwater.provenance.store.LineageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DownstreamImpact} on a TDB2 store walks node ids ({@link TdbUnion}) and must still give
 * the rows of {@code downstream-impact.rq}: here the facts about one entity are spread over several
 * graphs and repeated in some, and entities are reached more than once.
 */
class DownstreamImpactTest {
  @TempDir static Path dir;
  private static LineageStore store;
  private static final Node BLANK_CHECKSUM = NodeFactory.createBlankNode();
  private static final Node BLANK_ENTITY = NodeFactory.createBlankNode();

  @BeforeAll
  static void loadGraphs() {
    store = LineageStore.open(dir.resolve("store"));
    Graph g1 = GraphFactory.createDefaultGraph();
    derive(g1, "a", "src");
    checksum(g1, "a", iri("a#sha256"), literal("aa"));
    generated(g1, "a", "run1");
    Graph g2 = GraphFactory.createDefaultGraph();
    derive(g2, "a", "src"); // the same derivation in a second graph
    generated(g2, "a", "run1"); // the same activity again
    generated(g2, "a", "run2"); // and a second one
    derive(g2, "b", "a", "src"); // b is reached twice: from src and from a
    derive(g2, "c", "b");
    g2.add(Triple.create(iri("b"), SPDX.checksum.asNode(), BLANK_CHECKSUM));
    g2.add(Triple.create(BLANK_ENTITY, PROV.wasDerivedFrom.asNode(), iri("c")));
    Graph g3 = GraphFactory.createDefaultGraph();
    value(g3, iri("a#sha256"), literal("a2")); // a's second value, in another graph
    value(g3, BLANK_CHECKSUM, NodeFactory.createLiteralDT("7", XSDDatatype.XSDinteger));
    // a checksum without a value
    g3.add(Triple.create(iri("c"), SPDX.checksum.asNode(), iri("c#none")));
    generated(g3, "c", "run3");
    derive(g3, "loop1", "c", "loop2");
    derive(g3, "loop2", "loop1");
    derive(g3, "d", "b", "loop2");
    store.replace("urn:test:g1", g1);
    store.replace("urn:test:g2", g2);
    store.replace("urn:test:g3", g3);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void givesTheRowsOfTheSparqlQueryForEveryNode() {
    for (Node target : allNodes()) {
      List<DownstreamImpact.Derived> walk = walk(target);
      assertThat(walk)
          .as("impact of %s", target)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(sparql(target));
    }
  }

  @Test
  void givesTheSameRowsOnNodeIdsAsOnGraphFind() {
    Graph copy =
        store.read(
            ds -> {
              Graph g = GraphFactory.createDefaultGraph();
              LineageStore.unionGraph(ds).find().forEachRemaining(g::add);
              return g;
            });
    assertThat(TdbUnion.of(copy)).isEmpty();
    boolean onNodeIds = store.read(ds -> TdbUnion.of(LineageStore.unionGraph(ds)).isPresent());
    assertThat(onNodeIds).isTrue();
    for (Node target : allNodes()) {
      assertThat(walk(target))
          .as("impact of %s", target)
          .containsExactlyInAnyOrderElementsOf(DownstreamImpact.of(copy, target).orElseThrow());
    }
  }

  @Test
  void spreadsColumnsOverGraphsAndListsEachEntityOnce() {
    assertThat(walk(iri("src")))
        .containsExactlyInAnyOrder(
            row("a", literal("aa"), "run1"),
            row("a", literal("aa"), "run2"),
            row("a", literal("a2"), "run1"),
            row("a", literal("a2"), "run2"),
            row("b", NodeFactory.createLiteralDT("7", XSDDatatype.XSDinteger), null),
            row("c", null, "run3"),
            new DownstreamImpact.Derived(BLANK_ENTITY, null, null),
            row("loop1", null, null),
            row("loop2", null, null),
            row("d", null, null));
    assertThat(walk(iri("loop1")))
        .extracting(DownstreamImpact.Derived::derived)
        .containsExactlyInAnyOrder(iri("loop1"), iri("loop2"), iri("d"));
    assertThat(walk(iri("not-in-the-store"))).isEmpty();
    assertThat(walk(NodeFactory.createLiteralString("not a node of the store"))).isEmpty();
  }

  private static List<DownstreamImpact.Derived> walk(Node target) {
    return store.read(ds -> DownstreamImpact.of(LineageStore.unionGraph(ds), target)).orElseThrow();
  }

  private static List<DownstreamImpact.Derived> sparql(Node target) {
    return store.read(
        ds -> {
          List<DownstreamImpact.Derived> out = new ArrayList<>();
          try (QueryExecution qe =
              QueryExecution.dataset(ds)
                  .query(NamedQuery.DOWNSTREAM_IMPACT.query())
                  .substitution("target", ds.getDefaultModel().asRDFNode(target))
                  .build()) {
            qe.execSelect()
                .forEachRemaining(
                    r ->
                        out.add(
                            new DownstreamImpact.Derived(
                                r.get("derived").asNode(),
                                r.contains("sha256") ? r.get("sha256").asNode() : null,
                                r.contains("activity") ? r.get("activity").asNode() : null)));
          }
          return out;
        });
  }

  private static List<Node> allNodes() {
    Set<Node> all = new LinkedHashSet<>();
    store.read(
        ds -> {
          LineageStore.unionGraph(ds)
              .find()
              .forEachRemaining(
                  t -> {
                    all.add(t.getSubject());
                    all.add(t.getObject());
                  });
          return null;
        });
    all.add(iri("not-in-the-store"));
    return new ArrayList<>(all);
  }

  private static DownstreamImpact.Derived row(String derived, Node sha, String activity) {
    return new DownstreamImpact.Derived(iri(derived), sha, activity == null ? null : iri(activity));
  }

  private static void derive(Graph g, String from, String... sources) {
    for (String s : sources) {
      g.add(Triple.create(iri(from), PROV.wasDerivedFrom.asNode(), iri(s)));
    }
  }

  private static void checksum(Graph g, String file, Node checksum, Node value) {
    g.add(Triple.create(iri(file), SPDX.checksum.asNode(), checksum));
    value(g, checksum, value);
  }

  private static void value(Graph g, Node checksum, Node value) {
    g.add(Triple.create(checksum, SPDX.checksumValue.asNode(), value));
  }

  private static void generated(Graph g, String entity, String activity) {
    g.add(Triple.create(iri(entity), PROV.wasGeneratedBy.asNode(), iri(activity)));
  }

  private static Node literal(String s) {
    return NodeFactory.createLiteralString(s);
  }

  private static Node iri(String local) {
    return NodeFactory.createURI("urn:test:" + local);
  }
}
