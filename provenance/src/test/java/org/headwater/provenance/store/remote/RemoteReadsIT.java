package org.headwater.provenance.store.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.provenance.Fixtures.T0;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.StoreUnreachableException;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.Lineage.Direction;
import org.headwater.provenance.lineage.LineageFormat;
import org.headwater.provenance.lineage.Lineages;
import org.headwater.provenance.lineage.StaleCheck;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreQueries;
import org.headwater.provenance.store.TdbLineageStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads of a remote store against the project's own server ({@code headwater serve}: Fuseki 5.6.0
 * over TDB2) on a free loopback port, beside an embedded store holding the same graphs: a chain of
 * three runs, the two-member Greenland run, and an unrelated lineage of 40 runs. {@code lineage},
 * {@code lineage --downstream}, {@code stale} and the named queries give the same output on both;
 * the server's own record of what it answered ({@link ExchangeRecorder}) shows that they only
 * queried {@code /lineage/sparql}, never fetched the dataset, received a small fraction of its
 * bytes, and never a byte of the unrelated lineage.
 */
class RemoteReadsIT {
  private static final String UNRELATED_DOI = "10.5555/unrelated";

  @TempDir Path dir;

  private final ExchangeRecorder recorder = new ExchangeRecorder();
  private final List<String> unrelated = new ArrayList<>();
  private TdbLineageStore served;
  private TdbLineageStore local;
  private LineageServer server;
  private RemoteLineageStore remote;
  private Path a;
  private Path b;
  private Path c;
  private final List<RunRecord> runs = new ArrayList<>();

  @BeforeEach
  void sameRunsInBothStores() throws IOException {
    a = write("a.nc", "output of A");
    b = write("b.nc", "output of B");
    c = write("c.nc", "output of C");
    runs.addAll(List.of(Fixtures.greenland(),
        Fixtures.link("A", "https://data.example.org/src.nc", Fixtures.sha("src"), Fixtures.DOI, sha(a), T0),
        Fixtures.link("B", a.toUri().toString(), sha(a), null, sha(b), T0.plusSeconds(100)),
        Fixtures.link("C", b.toUri().toString(), sha(b), null, sha(c), T0.plusSeconds(200))));
    Path previous = write("u0.nc", "unrelated 0");
    for (int i = 1; i <= 40; i++) {
      Path next = write("u" + i + ".nc", "unrelated " + i);
      runs.add(Fixtures.link("U" + i, previous.toUri().toString(), sha(previous), i == 1 ? UNRELATED_DOI : null,
          sha(next), T0.plusSeconds(1000 + i)));
      unrelated.add(sha(next));
      previous = next;
    }
    served = LineageStore.open(dir.resolve("served"));
    local = LineageStore.open(dir.resolve("local"));
    Map<String, Graph> graphs = new LinkedHashMap<>();
    runs.forEach(r -> graphs.put(ProvenanceGraphs.graphName(r.runId()), ProvenanceGraphs.build(r, null).getGraph()));
    served.bulkLoad(graphs.entrySet().iterator()); // one transaction each: the same graphs as run by run
    local.bulkLoad(graphs.entrySet().iterator());
    server = LineageServer.start(served, "127.0.0.1", 0, null, builder -> builder.addFilter("/*", recorder));
    remote = RemoteLineageStore.connect(URI.create(dataset()), null);
  }

  @AfterEach
  void stop() {
    server.close();
    served.close();
    local.close();
  }

  @Test
  void lineageBothWaysPrintsWhatTheEmbeddedStorePrintsAndFetchesOnlyThatLineage() {
    long whole = wholeDatasetBytes();
    List<String> targets = List.of(c.toString(), a.toString(), "sha256:" + Fixtures.sha("nc"),
        "https://doi.org/" + Fixtures.DOI, ProvIris.file(Fixtures.sha("m0")));
    for (String target : targets) {
      for (Direction d : Direction.values()) {
        String tree = print(remote, target, d, Lineage.UNLIMITED, LineageFormat.TREE);
        onlyQueriedItsPart(recorder.take(), whole / 10, target + " " + d); // one command's requests
        assertThat(tree).as(target + " " + d).isEqualTo(print(local, target, d, Lineage.UNLIMITED, LineageFormat.TREE));
        for (LineageFormat f : List.of(LineageFormat.JSON, LineageFormat.DOT)) {
          String embedded = print(local, target, d, Lineage.UNLIMITED, f);
          assertThat(print(remote, target, d, Lineage.UNLIMITED, f)).as(target + " " + d + " " + f).isEqualTo(embedded);
        }
        assertThat(turtle(remote, target, d).isIsomorphicWith(turtle(local, target, d))).as(target + " " + d).isTrue();
        assertThat(print(remote, target, d, 1, LineageFormat.JSON)).isEqualTo(print(local, target, d, 1, LineageFormat.JSON));
        onlyQueriedItsPart(recorder.take(), whole, target + " " + d);
      }
    }
    assertThat(print(remote, c.toString(), Direction.UPSTREAM, Lineage.UNLIMITED, LineageFormat.TREE))
        .contains("<- out-B").contains("<- out-A").contains("<- src.nc").contains(Fixtures.DOI);
    assertThat(print(remote, a.toString(), Direction.DOWNSTREAM, Lineage.UNLIMITED, LineageFormat.TREE))
        .contains("-> out-B").contains("-> out-C");
    assertThat(print(remote, dir.resolve("nothing.nc").toString(), Direction.UPSTREAM, Lineage.UNLIMITED,
        LineageFormat.TREE)).isEmpty();
  }

  @Test
  void namedQueriesGoToTheEndpointBoundAsForTheEmbeddedStoreAndGiveTheSameRows() {
    long whole = wholeDatasetBytes();
    Node cOut = NodeFactory.createURI(ProvIris.file(sha(c)));
    Node m0 = NodeFactory.createURI(ProvIris.file(Fixtures.sha("m0")));
    Node nc = NodeFactory.createURI(ProvIris.file(Fixtures.sha("nc")));
    Node recipe = NodeFactory.createURI(ProvIris.file(Fixtures.sha("recipe greenland-speed")));
    record Case(NamedQuery query, String var, Node value, boolean ordered) {}
    for (Case k : List.of(new Case(NamedQuery.SOURCE_ROOTS, "target", cOut, true),
        new Case(NamedQuery.SOURCE_ROOTS, "target", nc, true),
        new Case(NamedQuery.DOWNSTREAM_IMPACT, "target", m0, false),
        new Case(NamedQuery.DOWNSTREAM_IMPACT, "target", NodeFactory.createURI(ProvIris.file(sha(a))), false),
        new Case(NamedQuery.UPSTREAM_PATH, "target", cOut, false),
        new Case(NamedQuery.OUTPUT_STEPS, "target", nc, true),
        new Case(NamedQuery.RECIPE_OUTPUTS, "recipe", recipe, true))) {
      Map<String, Node> bindings = Map.of(k.var(), k.value());
      String embedded = csv(local, k.query().query().toString(), bindings);
      String answered = csv(remote, k.query().query().toString(), bindings);
      assertThat(embedded.lines().count()).as(k.toString()).isGreaterThan(1);
      if (k.ordered()) {
        assertThat(answered).as(k.toString()).isEqualTo(embedded);
      } else { // no ORDER BY: the same rows, header first
        assertThat(sortedRows(answered)).as(k.toString()).isEqualTo(sortedRows(embedded));
      }
      onlyQueriedItsPart(recorder.take(), whole / 10, k.toString());
    }
    String count = "SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }";
    assertThat(csv(remote, count, Map.of())).isEqualTo(csv(local, count, Map.of())).isEqualTo("graphs\r\n44\r\n");
    String recorded = NamedQuery.RECORDED_SOURCES.query().toString();
    assertThat(csv(remote, recorded, Map.of())).isEqualTo(csv(local, recorded, Map.of()));

    assertThat(new HashSet<>(remote.graphNames())).isEqualTo(new HashSet<>(local.graphNames())).hasSize(44);
    String runC = ProvenanceGraphs.graphName("C");
    assertThat(remote.contains(runC)).isTrue();
    assertThat(remote.contains(runC + "-not")).isFalse();
    assertThat(remote.graphSize(runC)).isEqualTo(local.graphSize(runC)).isPositive();
    assertThat(remote.graphSize(runC + "-not")).isZero();
    assertThat(recorder.take()).allSatisfy(e -> assertThat(e.uri()).startsWith(LineageServer.DATASET + "/sparql"));
  }

  @Test
  void staleGivesTheEmbeddedResultsWithoutFetchingTheDataset() throws IOException {
    long whole = wholeDatasetBytes();
    String madeByA = ProvIris.file(sha(a));
    Files.writeString(a, "output of A, made again");
    // no DNS: the https sources are UNKNOWN at once, for both stores alike
    OkHttpClient offline = new OkHttpClient.Builder().dns(host -> {
      throw new UnknownHostException(host);
    }).build();
    var embedded = new StaleCheck(offline).run(local);
    recorder.take();
    var answered = new StaleCheck(offline).run(remote);
    assertThat(answered).isEqualTo(embedded);
    assertThat(answered).filteredOn(s -> s.isStale()).singleElement().satisfies(s ->
        assertThat(s.affectedOutputs()).containsExactly(madeByA, ProvIris.file(sha(b)), ProvIris.file(sha(c))));
    var exchanges = recorder.take();
    assertThat(exchanges).allSatisfy(e -> assertThat(e.uri()).startsWith(LineageServer.DATASET + "/sparql"));
    assertThat(exchanges.stream().mapToLong(e -> e.body().length).sum()).isLessThan(whole / 5);
  }

  @Test
  void aServerThatIsDownOrAWrongUrlGivesTheOneLineErrorNamingTheEndpoint() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String down = "http://127.0.0.1:" + port + LineageServer.DATASET;
    String wrong = "http://127.0.0.1:" + server.port() + "/no-such-dataset";
    OkHttpClient http = new OkHttpClient();
    for (String url : List.of(down, wrong)) {
      RemoteLineageStore store = RemoteLineageStore.connect(URI.create(url), null);
      List<Consumer<RemoteLineageStore>> reads = List.of(
          s -> print(s, c.toString(), Direction.UPSTREAM, Lineage.UNLIMITED, LineageFormat.TREE),
          s -> csv(s, NamedQuery.SOURCE_ROOTS.query().toString(), Map.of("target", NodeFactory.createURI("urn:x"))),
          s -> new StaleCheck(http).run(s),
          s -> s.contains(ProvenanceGraphs.graphName("C")),
          s -> s.graphNames());
      for (Consumer<RemoteLineageStore> read : reads) {
        assertThatThrownBy(() -> read.accept(store)).isInstanceOf(StoreUnreachableException.class)
            .hasMessageStartingWith("lineage store " + url + ": ")
            .hasMessageContaining(url.equals(down) ? "unreachable (connection refused)" : "HTTP 404")
            .hasMessageContaining("http(s)://HOST:PORT/DATASET")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      }
    }
  }

  @Test
  void aStockFusekiServesReadsWhenItsDefaultGraphIsTheUnionAndOtherwiseSaysWhatToSet() {
    for (boolean union : new boolean[] {false, true}) {
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.resolve("fuseki-" + union).toString());
      if (union) { // what tdb2:unionDefaultGraph true in a Fuseki configuration sets (jena-tdb2 DatasetAssemblerTDB2)
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      }
      // a stock updatable dataset: Fuseki's standard services, queries at /ds/sparql and the Graph
      // Store Protocol at /ds/data (jena-fuseki-core FusekiConfig.populateStdServices)
      FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", dsg, true).build().start();
      try {
        String url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/ds";
        RemoteLineageStore store = RemoteLineageStore.connect(URI.create(url), null);
        runs.stream().filter(r -> List.of("A", "B", "C").contains(r.runId()))
            .forEach(r -> store.load(r.runId(), ProvenanceGraphs.build(r, null)));
        assertThat(store.graphNames()).hasSize(3);
        if (union) {
          for (Direction d : Direction.values()) {
            assertThat(print(store, b.toString(), d, Lineage.UNLIMITED, LineageFormat.TREE))
                .isEqualTo(print(local, b.toString(), d, Lineage.UNLIMITED, LineageFormat.TREE)).contains("out-B").contains(d == Direction.UPSTREAM ? "<- out-A" : "-> out-C");
          }
          String roots = NamedQuery.SOURCE_ROOTS.query().toString();
          Map<String, Node> target = Map.of("target", NodeFactory.createURI(ProvIris.file(sha(c))));
          assertThat(csv(store, roots, target)).isEqualTo(csv(local, roots, target));
        } else {
          assertThatThrownBy(() -> print(store, b.toString(), Direction.UPSTREAM, Lineage.UNLIMITED, LineageFormat.TREE))
              .isInstanceOf(ProvenanceException.class).hasMessageStartingWith("lineage store " + url + ": ")
              .hasMessageContaining("tdb2:unionDefaultGraph true");
        }
      } finally {
        fuseki.stop();
        TDBInternal.expel(dsg);
      }
    }
  }

  /** The bytes the old reads downloaded every time: one GET of the dataset as N-Quads. */
  private long wholeDatasetBytes() {
    remote.read(ds -> null);
    var exchanges = recorder.take();
    assertThat(exchanges).singleElement().satisfies(e -> assertThat(e.uri()).isEqualTo(LineageServer.DATASET + "/data"));
    long bytes = exchanges.get(0).body().length;
    assertThat(bytes).isGreaterThan(100_000);
    System.out.printf("whole dataset as N-Quads (one GET, what every read fetched before): %,d bytes%n", bytes);
    return bytes;
  }

  private void onlyQueriedItsPart(List<ExchangeRecorder.Exchange> exchanges, long most, String what) {
    assertThat(exchanges).as(what).isNotEmpty().allSatisfy(e -> {
      assertThat(e.uri()).as(what).startsWith(LineageServer.DATASET + "/sparql");
      for (String hex : unrelated) {
        assertThat(e.text()).as(what + ": unrelated lineage sent").doesNotContain(hex);
      }
      assertThat(e.text()).as(what).doesNotContain(UNRELATED_DOI);
    });
    long bytes = exchanges.stream().mapToLong(e -> e.body().length).sum();
    System.out.printf("%s: %d requests, %,d bytes received (at most %,d)%n", what, exchanges.size(), bytes, most);
    assertThat(bytes).as(what).isLessThan(most);
  }

  private static String print(LineageStore store, String target, Direction d, int depth, LineageFormat f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Lineages.print(store, target, d, depth, f, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Graph turtle(LineageStore store, String target, Direction d) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(print(store, target, d, Lineage.UNLIMITED, LineageFormat.TURTLE), Lang.TURTLE).parse(g);
    return g;
  }

  private static String csv(LineageStore store, String sparql, Map<String, Node> bindings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StoreQueries.run(store, StoreQueries.parse(sparql), bindings, StoreQueries.Format.CSV, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> sortedRows(String csv) {
    List<String> lines = csv.lines().toList();
    List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
    rows.sort(null);
    rows.add(0, lines.get(0));
    return rows;
  }

  private String dataset() {
    return "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String sha(Path p) {
    return Checksums.sha256(p);
  }
}
