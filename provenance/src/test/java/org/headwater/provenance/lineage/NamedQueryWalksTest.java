package org.headwater.provenance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.NamedQuery;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SourceRoots} and {@link DownstreamImpact} give exactly the rows of {@code source-roots.rq}
 * and {@code downstream-impact.rq}, for every node of a store
 * with chains, fan-in, fan-out, diamonds, variables, cycles, literals and blank nodes.
 */
class NamedQueryWalksTest {
  @TempDir static Path dir;
  private static LineageStore store;

  @BeforeAll
  static void loadFixture() {
    store = LineageStore.open(dir.resolve("store"));
    // Three real runs chained by content (A <- B <- C), the first reading from a DOI.
    store.load("A", ProvenanceGraphs.build(
        Fixtures.link("A", "https://data.example.org/src.nc", Fixtures.sha("src"), Fixtures.DOI, Fixtures.sha("a"), Fixtures.T0), null));
    store.load("B", ProvenanceGraphs.build(
        Fixtures.link("B", "file:///w/a.nc", Fixtures.sha("a"), null, Fixtures.sha("b"), Fixtures.T0.plusSeconds(100)), null));
    store.load("C", ProvenanceGraphs.build(
        Fixtures.link("C", "file:///w/b.nc", Fixtures.sha("b"), null, Fixtures.sha("c"), Fixtures.T0.plusSeconds(200)), null));
    store.load("G", ProvenanceGraphs.build(Fixtures.greenland(), null));
    store.replace("urn:test:shapes", shapes());
    store.replace("urn:test:more", more());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /** Chain, fan-in, fan-out, a diamond, roots with 0, 1 and 2 titles, literals and blank nodes. */
  private static Graph shapes() {
    Graph g = GraphFactory.createDefaultGraph();
    derive(g, "out", "mid1", "mid2", "side");
    derive(g, "mid1", "src1", "src2");
    derive(g, "mid2", "src2", "doi1"); // diamond: src2 reached twice
    derive(g, "src1", "doi1");
    derive(g, "src2", "doi2");
    derive(g, "other", "src1"); // fan-out of src1
    title(g, "doi1", "Dataset one");
    title(g, "doi2", "Dataset two");
    title(g, "doi2", "Dataset 2");
    g.add(Triple.create(iri("side"), PROV.wasDerivedFrom.asNode(), NodeFactory.createLiteralString("a note")));
    Node blank = NodeFactory.createBlankNode();
    g.add(Triple.create(iri("anon"), PROV.wasDerivedFrom.asNode(), blank));
    g.add(Triple.create(blank, DCTerms.title.asNode(), NodeFactory.createLiteralString("blank root")));
    derive(g, "loop1", "loop2");
    derive(g, "loop2", "loop1"); // a cycle: no leaf, no root
    derive(g, "intoLoop", "loop1", "src1");
    return g;
  }

  /** Variables: part of a file with roots, of a file in a cycle, of two files, of none. */
  private static Graph more() {
    Graph g = GraphFactory.createDefaultGraph();
    derive(g, "v-out", "v-src");
    variable(g, "v-src", "file1");
    derive(g, "file1", "doi1", "src2");
    variable(g, "v-loop", "loop1");
    variable(g, "v-two", "file1", "doi2");
    variable(g, "v-none");
    derive(g, "v-mix", "v-two", "v-loop", "v-none", "src1");
    return g;
  }

  @Test
  void rootsWalkGivesTheRowsOfTheSparqlQueryForEveryNode() {
    List<Node> targets = allNodes();
    assertThat(targets).hasSizeGreaterThan(200);
    int nonTrivial = 0;
    for (Node target : targets) {
      List<SourceRoots.Root> sparql = sparql(target);
      List<SourceRoots.Root> walk = store.read(ds -> SourceRoots.of(LineageStore.unionGraph(ds), target)).orElseThrow();
      assertThat(walk).as("roots of %s", target).containsExactlyInAnyOrderElementsOf(sparql);
      assertThat(walk.stream().map(SourceRoots.Root::root).toList()).as("order of %s", target)
          .isEqualTo(sparql.stream().map(SourceRoots.Root::root).toList());
      nonTrivial += sparql.size() > 1 || (sparql.size() == 1 && !sparql.get(0).root().equals(target)) ? 1 : 0;
    }
    assertThat(nonTrivial).isGreaterThan(25);
  }

  @Test
  void downstreamWalkGivesTheRowsOfTheSparqlQueryForEveryNode() {
    int nonTrivial = 0;
    for (Node target : allNodes()) {
      List<DownstreamImpact.Derived> sparql = store.read(ds -> {
        List<DownstreamImpact.Derived> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(NamedQuery.DOWNSTREAM_IMPACT.query())
            .substitution("target", ds.getDefaultModel().asRDFNode(target)).build()) {
          qe.execSelect().forEachRemaining(r -> out.add(new DownstreamImpact.Derived(r.get("derived").asNode(),
              r.contains("sha256") ? r.get("sha256").asNode() : null,
              r.contains("activity") ? r.get("activity").asNode() : null)));
        }
        return out;
      });
      List<DownstreamImpact.Derived> walk =
          store.read(ds -> DownstreamImpact.of(LineageStore.unionGraph(ds), target)).orElseThrow();
      assertThat(walk).as("impact of %s", target).containsExactlyInAnyOrderElementsOf(sparql);
      nonTrivial += sparql.size() > 1 ? 1 : 0;
    }
    assertThat(nonTrivial).isGreaterThan(10);
    assertThat(store.read(ds -> DownstreamImpact.of(LineageStore.unionGraph(ds), iri("loop1"))).orElseThrow())
        .extracting(DownstreamImpact.Derived::derived).containsExactlyInAnyOrder(iri("loop1"), iri("loop2"),
            iri("intoLoop"));
  }

  @Test
  void coversTheTrickyCases() {
    assertThat(roots("out")).containsExactlyInAnyOrder(
        row("doi1", "Dataset one"), row("doi2", "Dataset 2"), row("doi2", "Dataset two"),
        new SourceRoots.Root(NodeFactory.createLiteralString("a note"), null));
    assertThat(roots("loop1")).isEmpty();
    assertThat(roots("intoLoop")).containsExactly(row("doi1", "Dataset one"));
    assertThat(roots("v-out")).containsExactly(row("doi1", "Dataset one"), row("doi2", "Dataset 2"), row("doi2", "Dataset two"));
    assertThat(roots("v-mix")).extracting(r -> r.root().toString())
        .containsExactly(iri("doi1").getURI(), iri("doi2").getURI(), iri("doi2").getURI(),
            iri("v-loop").getURI(), iri("v-none").getURI());
    assertThat(roots("not-in-the-store")).containsExactly(new SourceRoots.Root(iri("not-in-the-store"), null));
    assertThat(sparql(iri("anon"))).hasSize(1);
    assertThat(roots("anon")).singleElement().satisfies(r -> assertThat(r.root().isBlank()).isTrue());
  }

  @Test
  void lineageFacadeAndQueryCommandAnswerLikeSparql() {
    String c = ProvIris.file(Fixtures.sha("c"));
    assertThat(Lineages.roots(store, Fixtures.sha("c"))).extracting(r -> r.root().getURI()).containsExactly(Fixtures.DOI_IRI);
    assertThat(Lineages.roots(store, ProvIris.variable(Fixtures.sha("c"), "v"))).extracting(r -> r.root().getURI())
        .containsExactly(Fixtures.DOI_IRI);
    for (String target : List.of(c, iri("out").getURI(), iri("v-mix").getURI(), "urn:x:unknown")) {
      for (StoreQueries.Format format : StoreQueries.Format.values()) {
        var fast = new ByteArrayOutputStream();
        long rows = StoreQueries.run(store, NamedQuery.SOURCE_ROOTS.query(),
            Map.of("target", NodeFactory.createURI(target)), format, fast);
        assertThat(rows).isEqualTo(sparql(NodeFactory.createURI(target)).size());
        assertThat(fast.toString(StandardCharsets.UTF_8)).as("%s %s", target, format)
            .isEqualTo(sparqlText(NamedQuery.SOURCE_ROOTS.query(), NodeFactory.createURI(target), format));
      }
    }
    // downstream-impact has no ORDER BY, so compare a single-row answer and the row count
    for (String target : List.of(ProvIris.file(Fixtures.sha("b")), Fixtures.DOI_IRI, iri("src1").getURI())) {
      var fast = new ByteArrayOutputStream();
      long rows = StoreQueries.run(store, NamedQuery.DOWNSTREAM_IMPACT.query(),
          Map.of("target", NodeFactory.createURI(target)), StoreQueries.Format.CSV, fast);
      String sparql = sparqlText(NamedQuery.DOWNSTREAM_IMPACT.query(), NodeFactory.createURI(target), StoreQueries.Format.CSV);
      assertThat(rows).isEqualTo(sparql.lines().count() - 1);
      assertThat(fast.toString(StandardCharsets.UTF_8).lines().sorted().toList()).as(target)
          .isEqualTo(sparql.lines().sorted().toList());
    }
  }

  private static List<Node> allNodes() {
    Set<Node> all = new LinkedHashSet<>();
    store.read(ds -> {
      LineageStore.unionGraph(ds).find().forEachRemaining(t -> {
        all.add(t.getSubject());
        all.add(t.getObject());
      });
      return null;
    });
    all.add(iri("not-in-the-store"));
    return new ArrayList<>(all);
  }

  private static String sparqlText(Query query, Node target, StoreQueries.Format format) {
    return store.read(ds -> {
      var out = new ByteArrayOutputStream();
      try (QueryExecution qe = QueryExecution.dataset(ds).query(query)
          .substitution("target", ds.getDefaultModel().asRDFNode(target)).build()) {
        var rs = ResultSetFactory.copyResults(qe.execSelect());
        switch (format) {
          case JSON -> ResultSetFormatter.outputAsJSON(out, rs);
          case CSV -> ResultSetFormatter.outputAsCSV(out, rs);
          default -> ResultSetFormatter.out(out, rs, query);
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    });
  }

  private static List<SourceRoots.Root> sparql(Node target) {
    return store.read(ds -> {
      List<SourceRoots.Root> out = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.dataset(ds).query(NamedQuery.SOURCE_ROOTS.query())
          .substitution("target", ds.getDefaultModel().asRDFNode(target)).build()) {
        qe.execSelect().forEachRemaining(r -> out.add(new SourceRoots.Root(
            r.get("root").asNode(), r.contains("label") ? r.get("label").asNode() : null)));
      }
      return out;
    });
  }

  private static List<SourceRoots.Root> roots(String local) {
    List<SourceRoots.Root> rows = new ArrayList<>(
        store.read(ds -> SourceRoots.of(LineageStore.unionGraph(ds), iri(local))).orElseThrow());
    rows.sort(Comparator.comparing((SourceRoots.Root r) -> r.root().toString())
        .thenComparing(r -> r.label() == null ? "" : r.label().getLiteralLexicalForm()));
    return rows;
  }

  private static SourceRoots.Root row(String local, String label) {
    return new SourceRoots.Root(iri(local), NodeFactory.createLiteralString(label));
  }

  private static void derive(Graph g, String from, String... sources) {
    for (String s : sources) {
      g.add(Triple.create(iri(from), PROV.wasDerivedFrom.asNode(), iri(s)));
    }
  }

  private static void title(Graph g, String local, String title) {
    g.add(Triple.create(iri(local), DCTerms.title.asNode(), NodeFactory.createLiteralString(title)));
  }

  private static void variable(Graph g, String local, String... files) {
    g.add(Triple.create(iri(local), RDF.type.asNode(), HW.Variable.asNode()));
    for (String f : files) {
      g.add(Triple.create(iri(local), DCTerms.isPartOf.asNode(), iri(f)));
    }
  }

  private static Node iri(String local) {
    return NodeFactory.createURI("urn:test:" + local);
  }
}
