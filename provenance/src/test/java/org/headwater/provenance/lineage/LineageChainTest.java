package org.headwater.provenance.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.provenance.Fixtures.DOI;
import static org.headwater.provenance.Fixtures.DOI_IRI;
import static org.headwater.provenance.Fixtures.T0;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.ReadOnlyException;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.Lineage.Direction;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three recipes chained by content: B reads A's output, C reads B's output. */
class LineageChainTest {
  @TempDir Path dir;
  private LineageStore store;
  private Path a;
  private Path b;
  private Path c;

  @BeforeEach
  void loadThreeRuns() throws Exception {
    a = Files.writeString(dir.resolve("a.nc"), "output of A");
    b = Files.writeString(dir.resolve("b.nc"), "output of B");
    c = Files.writeString(dir.resolve("c.nc"), "output of C");
    store = LineageStore.open(dir.resolve("store"));
    load(Fixtures.link("A", "https://data.example.org/src.nc", Fixtures.sha("src"), DOI, sha(a), T0));
    load(Fixtures.link("B", a.toUri().toString(), sha(a), null, sha(b), T0.plusSeconds(100)));
    load(Fixtures.link("C", b.toUri().toString(), sha(b), null, sha(c), T0.plusSeconds(200)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void upstreamOfTheThirdOutputReachesTheOriginalDoi() {
    LineageGraph up = Lineages.lineage(store, c.toString(), Direction.UPSTREAM, Lineage.UNLIMITED);
    assertThat(iris(up.nodes())).containsExactly(iri(c), iri(b), iri(a), ProvIris.file(Fixtures.sha("src")), DOI_IRI);
    assertThat(up.info().get(NodeFactory.createURI(DOI_IRI)).kind()).isEqualTo("dataset");
    assertThat(up.truncated()).isFalse();
    assertThat(select(NamedQuery.SOURCE_ROOTS, iri(c), "root")).containsExactly(DOI_IRI);
  }

  @Test
  void twoRunChainAnswersUpstreamToo() {
    assertThat(select(NamedQuery.SOURCE_ROOTS, iri(b), "root")).containsExactly(DOI_IRI);
    assertThat(select(NamedQuery.UPSTREAM_PATH, iri(b), "entity")).contains(iri(b), iri(a));
  }

  @Test
  void variableLineageReachesTheDoiVariableByVariable() {
    LineageGraph up = Lineages.lineage(store, c + "#v", Direction.UPSTREAM, Lineage.UNLIMITED);
    assertThat(iris(up.nodes()))
        .startsWith(ProvIris.variable(sha(c), "v"), ProvIris.variable(sha(b), "v"), ProvIris.variable(sha(a), "v"))
        .endsWith(DOI_IRI);
    assertThat(select(NamedQuery.SOURCE_ROOTS, ProvIris.variable(sha(c), "v"), "root")).containsExactly(DOI_IRI);
  }

  @Test
  void downstreamOfTheDoiListsEveryDerivedOutput() {
    LineageGraph down = Lineages.lineage(store, "doi:" + DOI, Direction.DOWNSTREAM, Lineage.UNLIMITED);
    assertThat(iris(down.nodes())).contains(iri(a), iri(b), iri(c));
    assertThat(select(NamedQuery.DOWNSTREAM_IMPACT, DOI_IRI, "derived")).contains(iri(a), iri(b), iri(c));
    assertThat(select(NamedQuery.DOWNSTREAM_IMPACT, iri(b), "derived")).containsExactly(iri(c));
  }

  @Test
  void depthLimitStopsTheWalkAndSaysSo() {
    LineageGraph up = Lineages.lineage(store, sha(c), Direction.UPSTREAM, 1);
    assertThat(iris(up.nodes())).containsExactly(iri(c), iri(b));
    assertThat(up.truncated()).isTrue();
    assertThat(LineageRenderer.tree(up)).contains("more beyond --depth");
  }

  @Test
  void namedQueriesAnswerStepsAndRecipeOutputs() {
    assertThat(select(NamedQuery.OUTPUT_STEPS, iri(b), "name")).containsExactly("set_attributes");
    String recipe = ProvIris.file(Fixtures.recipe("recipe-B").sha256());
    List<String> outputs = store.read(ds -> {
      List<String> out = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.dataset(ds).query(NamedQuery.RECIPE_OUTPUTS.query())
          .substitution("recipe", ds.getDefaultModel().createResource(recipe)).build()) {
        qe.execSelect().forEachRemaining(r -> out.add(r.getResource("output").getURI()));
      }
      return out;
    });
    assertThat(outputs).containsExactly(iri(b));
  }

  @Test
  void injectionThroughTargetReturnsNothingAndDoesNotError() {
    long before = store.graphNames().stream().mapToLong(store::graphSize).sum();
    for (String hostile : List.of(
        "x> } ; DROP ALL ; SELECT * { ?s ?p ?o } #",
        "\" . } DELETE WHERE { ?s ?p ?o } #",
        "https://doi.org/10.1/x> ?p ?o } UNION { ?entity ?p ?o",
        "' OR 1=1 --", "<>", "\u0000", "")) {
      LineageGraph g = Lineages.lineage(store, hostile, Direction.UPSTREAM, Lineage.UNLIMITED);
      assertThat(g.isEmpty()).as(hostile).isTrue();
    }
    long after = store.graphNames().stream().mapToLong(store::graphSize).sum();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void resolvesTargetsByUrlShaAndDoi() {
    assertThat(Lineages.resolve(store, "https://data.example.org/src.nc")).extracting(Node::getURI)
        .containsExactly(ProvIris.file(Fixtures.sha("src")));
    assertThat(Lineages.resolve(store, "sha256:" + sha(a))).extracting(Node::getURI).containsExactly(iri(a));
    assertThat(Lineages.resolve(store, DOI_IRI)).extracting(Node::getURI).containsExactly(DOI_IRI);
    assertThat(Lineages.resolve(store, dir.resolve("nope.nc").toString())).isEmpty();
  }

  @Test
  void printsEveryFormat() throws Exception {
    String tree = print(LineageFormat.TREE);
    assertThat(tree).startsWith("out-C [output] sha256:" + sha(c).substring(0, 12)).contains("<- " + DOI_IRI + " [dataset]");
    var json = new ObjectMapper().readTree(print(LineageFormat.JSON));
    assertThat(json.get("nodes")).hasSize(5);
    assertThat(json.get("edges")).hasSize(4);
    assertThat(print(LineageFormat.DOT)).startsWith("digraph lineage {").contains("n1 -> n0");
    assertThat(print(LineageFormat.SVG)).contains("<svg").contains("sha256:" + sha(c).substring(0, 12));
    var turtle = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
    RDFParser.fromString(print(LineageFormat.TURTLE), Lang.TURTLE).parse(turtle);
    assertThat(turtle.containsResource(turtle.createResource(DOI_IRI))).isTrue();
  }

  @Test
  void downstreamTreeReadsFromSourceToDerived() {
    var out = new ByteArrayOutputStream();
    Lineages.print(store, a.toString(), Direction.DOWNSTREAM, Lineage.UNLIMITED, LineageFormat.TREE, out);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("out-A [output] sha256:" + sha(a).substring(0, 12));
    assertThat(lines.get(1)).startsWith("  -> out-B [output] sha256:" + sha(b).substring(0, 12));
    assertThat(lines.get(2)).startsWith("    -> out-C [output] sha256:" + sha(c).substring(0, 12));
    assertThat(lines).noneMatch(l -> l.contains("<- "));
  }

  @Test
  void runsAccumulateAndReloadingReplaces() {
    assertThat(store.graphNames()).hasSize(3);
    long size = store.graphSize(ProvenanceGraphs.graphName("B"));
    load(Fixtures.link("B", a.toUri().toString(), sha(a), null, sha(b), T0.plusSeconds(100)));
    assertThat(store.graphNames()).hasSize(3);
    assertThat(store.graphSize(ProvenanceGraphs.graphName("B"))).isEqualTo(size);
  }

  @Test
  void queryCommandRefusesUpdatesAndBindsValues() {
    assertThatThrownBy(() -> StoreQueries.parse("DROP ALL")).isInstanceOf(ReadOnlyException.class);
    assertThatThrownBy(() -> StoreQueries.parse("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))
        .isInstanceOf(ReadOnlyException.class);
    var out = new ByteArrayOutputStream();
    long rows = StoreQueries.run(store, NamedQuery.SOURCE_ROOTS.query(),
        Map.of("target", NodeFactory.createURI(iri(c))), StoreQueries.Format.CSV, out);
    assertThat(rows).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("root,label").contains(DOI_IRI);
  }

  private String print(LineageFormat format) {
    var out = new ByteArrayOutputStream();
    Lineages.print(store, c.toString(), Direction.UPSTREAM, Lineage.UNLIMITED, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<String> select(NamedQuery q, String target, String var) {
    return store.read(ds -> {
      List<String> out = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.dataset(ds).query(q.query())
          .substitution("target", ds.getDefaultModel().createResource(target)).build()) {
        qe.execSelect().forEachRemaining(r -> out.add(r.get(var).isResource() ? r.getResource(var).getURI() : r.getLiteral(var).getLexicalForm()));
      }
      return out;
    });
  }

  private void load(RunRecord r) {
    store.load(r.runId(), ProvenanceGraphs.build(r, dir));
  }

  private static String sha(Path p) {
    return Checksums.sha256(p);
  }

  private static String iri(Path p) {
    return ProvIris.file(sha(p));
  }

  private static List<String> iris(List<Node> nodes) {
    return nodes.stream().map(Node::getURI).toList();
  }
}
