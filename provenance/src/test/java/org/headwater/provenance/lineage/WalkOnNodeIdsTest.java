package org.headwater.provenance.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.headwater.provenance.Fixtures.DOI;
import static org.headwater.provenance.Fixtures.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.internal.TdbUnion;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a TDB2 store's union graph {@link Lineage#walk} reads each node's triples with one scan of
 * node ids; it must give exactly the walk that one {@code Graph.find} per question gives (the same
 * union graph behind a wrapper that hides it is TDB2): the same nodes and edges in the same order,
 * the same descriptions. The store holds real run graphs (a chain of three runs and the two-member
 * ensemble) and the awkward cases: facts spread over graphs and repeated, {@code owl:sameAs} both
 * ways, a title that is not a literal, an activity without a label, a cycle, a literal target.
 */
class WalkOnNodeIdsTest {
  @TempDir static Path dir;
  private static LineageStore store;

  @BeforeAll
  static void loadGraphs() {
    store = LineageStore.open(dir.resolve("store"));
    load(Fixtures.link("A", "https://data.example.org/src.nc", Fixtures.sha("src"), DOI, Fixtures.sha("a"), T0));
    load(Fixtures.link("B", "file:/work/a.nc", Fixtures.sha("a"), null, Fixtures.sha("b"), T0.plusSeconds(100)));
    load(Fixtures.link("C", "file:/work/b.nc", Fixtures.sha("b"), DOI, Fixtures.sha("c"), T0.plusSeconds(200)));
    load(Fixtures.greenland());
    Graph odd = GraphFactory.createDefaultGraph();
    odd.add(t(iri("x"), PROV.wasDerivedFrom.asNode(), iri("y")));
    odd.add(t(iri("x"), DCTerms.title.asNode(), iri("not-a-literal")));
    odd.add(t(iri("x"), RDFS.label.asNode(), NodeFactory.createLiteralString("x's label")));
    odd.add(t(iri("x"), PROV.wasGeneratedBy.asNode(), iri("unlabelled-activity")));
    odd.add(t(iri("y"), OWL.sameAs.asNode(), iri("y2")));
    odd.add(t(iri("z"), OWL.sameAs.asNode(), iri("y")));
    odd.add(t(iri("y2"), PROV.wasDerivedFrom.asNode(), iri("x"))); // a cycle through sameAs
    odd.add(t(iri("y2"), PROV.wasDerivedFrom.asNode(), NodeFactory.createURI(ProvIris.file(Fixtures.sha("c")))));
    odd.add(t(iri("v"), RDF.type.asNode(), HW.Variable.asNode()));
    odd.add(t(iri("v"), DCTerms.isPartOf.asNode(), iri("x")));
    odd.add(t(NodeFactory.createBlankNode(), PROV.wasDerivedFrom.asNode(), iri("x")));
    store.replace("urn:test:odd", odd);
    Graph again = GraphFactory.createDefaultGraph(); // the same facts in a second graph
    odd.find().forEachRemaining(tr -> {
      if (!tr.getSubject().isBlank()) {
        again.add(tr);
      }
    });
    again.add(t(iri("x"), PROV.wasDerivedFrom.asNode(), iri("w")));
    store.replace("urn:test:again", again);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void walksOnNodeIdsAsGraphFindWalks() {
    List<Node> all = allNodes();
    assertThat(all).hasSizeGreaterThan(100);
    List<Node> targets = new ArrayList<>(all);
    targets.add(iri("not-in-the-store"));
    targets.add(NodeFactory.createLiteralString("a literal"));
    int compared = store.read(ds -> {
      Graph union = LineageStore.unionGraph(ds);
      Graph plain = new WrappedGraph(union);
      assertThat(TdbUnion.of(union)).isPresent();
      assertThat(TdbUnion.of(plain)).isEmpty();
      int n = 0;
      for (Node target : targets) {
        for (Lineage.Direction d : Lineage.Direction.values()) {
          for (int depth : new int[] {Lineage.UNLIMITED, 1, 0}) {
            LineageGraph onIds = Lineage.walk(union, List.of(target), d, depth);
            assertThat(onIds).as("%s %s depth %d", d, target, depth).isEqualTo(Lineage.walk(plain, List.of(target), d, depth));
            n += onIds.nodes().size();
          }
        }
      }
      List<Node> several = List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 1), all.get(0));
      assertThat(Lineage.walk(union, several, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED))
          .isEqualTo(Lineage.walk(plain, several, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED));
      return n;
    });
    assertThat(compared).as("nodes compared").isGreaterThan(500);
  }

  @Test
  void describesWhatItReaches() {
    LineageGraph up = store.read(ds -> Lineage.walk(LineageStore.unionGraph(ds),
        List.of(NodeFactory.createURI(ProvIris.file(Fixtures.sha("c")))),
        Lineage.Direction.UPSTREAM, Lineage.UNLIMITED));
    assertThat(up.nodes()).hasSize(5); // c, b, a, src and the DOI (reached from b and src)
    LineageGraph.NodeInfo c = up.info().get(up.nodes().get(0));
    assertThat(c.kind()).isEqualTo("output");
    assertThat(c.label()).isEqualTo("out-C");
    assertThat(c.sha256()).isEqualTo(Fixtures.sha("c"));
    assertThat(c.madeBy()).isNotBlank();
    assertThat(up.info().values()).extracting(LineageGraph.NodeInfo::kind).contains("source", "dataset");
  }

  private static List<Node> allNodes() {
    return store.read(ds -> {
      Set<Node> nodes = new LinkedHashSet<>();
      LineageStore.unionGraph(ds).find().forEachRemaining(tr -> {
        nodes.add(tr.getSubject());
        if (!tr.getObject().isLiteral()) {
          nodes.add(tr.getObject());
        }
      });
      return new ArrayList<>(nodes);
    });
  }

  private static void load(RunRecord r) {
    store.load(r.runId(), ProvenanceGraphs.buildUnvalidated(r, dir.resolve("runs/" + r.runId())));
  }

  private static Node iri(String local) {
    return NodeFactory.createURI("https://example.org/" + local);
  }

  private static Triple t(Node s, Node p, Node o) {
    return Triple.create(s, p, o);
  }
}
