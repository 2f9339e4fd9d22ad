package org.headwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.http.Request;
import org.headwater.web.http.Response;
import org.headwater.web.page.SearchPage;
import org.headwater.web.picture.LineagePicture;
import org.headwater.web.read.Rows;
import org.headwater.web.read.WebQuery;
import org.junit.jupiter.api.Test;

/** The pages as HTML text, over a store holding an ensemble run and a run derived from it. */
class WebAppTest extends EnsembleStoreFixture {
  RunRecord mean;

  @Override
  void loadMore(Path tmp, Path ensembleDir) throws Exception {
    mean = Runs.derived("run-mean", ensemble);
    Runs.load(store, mean, java.nio.file.Files.createDirectories(tmp.resolve("runs/run-mean")));
  }

  @Test
  void indexListsRunsNewestFirstAndEscapesTitles() {
    Response r = get("/", Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text())
        .contains("Speed &lt;script&gt;alert('x')&lt;/script&gt; &amp; friends")
        .doesNotContain("<script>alert")
        .contains("href=\"/dataset/run-ensemble\"", "href=\"/run/run-mean\"");
    assertThat(r.text().indexOf("/dataset/run-mean")).isLessThan(r.text().indexOf("/dataset/run-ensemble"));
  }

  @Test
  void datasetPageShowsFilesVariablesCitationsAndAGroupedLinkedPicture() {
    String html = get("/dataset/run-ensemble", Map.of()).text();
    String nc = ensemble.outputs().get(0).sha256();
    assertThat(html)
        .contains("id=\"output-" + nc + "\"", "outputs/speed.nc", "netcdf3", "32.8 kB", nc)
        .contains("<code>speed</code></td><td>m s-1</td>")
        .contains("Lovelace, A. K. 2024. Speed &lt;script&gt;", "@misc{Lovelace2024", "cff-version: 1.2.0",
            "&lt;resource xmlns=\"http://datacite.org/schema/kernel-4\"")
        .contains("An ensemble &lt;b&gt;not bold&lt;/b&gt;.")
        .doesNotContain("<script>alert", "<b>not bold");
    assertThat(html).as("the output is listed once, as its run recorded it, though the mean run read it again")
        .containsOnlyOnce("id=\"output-" + nc + "\"");
    assertThat(html).as("the four members of one DOI are one box with their count, linked to a list of them")
        .contains(">4 source files</text>")
        .contains("xlink:href=\"/?q=https%3A%2F%2Fdoi.org%2F10.5281%2Fzenodo.7654321\"");
    assertThat(html).as("the derived dataset is drawn and linked, and listed")
        .contains("xlink:href=\"/dataset/run-mean#output-" + mean.outputs().get(0).sha256() + "\"")
        .contains("<a href=\"/dataset/run-mean\">Ensemble mean</a>");
    assertThat(html).as("members are listed under an expandable heading, each linked to its page")
        .contains("<details class=\"group\"", "4 files of", "href=\"/source/" + Runs.sha("m3") + "\"");
  }

  @Test
  void lineageSvgDrawsTimeLeftToRightWithGroupsAndLinksToTheServer() {
    String meanSha = mean.outputs().get(0).sha256();
    LineagePicture.Drawing d = LineagePicture.of(store, "sha256:" + meanSha, Lineage.Direction.UPSTREAM,
        Lineage.UNLIMITED, "http://127.0.0.1:3030");
    assertThat(d.walk().isEmpty()).isFalse();
    String dot = d.dot();
    assertThat(dot).contains("rankdir=LR;").contains("label=\"4 source files\\nof 10.5281/zenodo.7654321")
        .contains("URL=\"http://127.0.0.1:3030/dataset/run-mean#output-" + meanSha + "\"")
        .contains("URL=\"http://127.0.0.1:3030/dataset/run-ensemble#output-");
    String truth = boxId(dot, "source of truth");
    String group = boxId(dot, "4 source files");
    String ensemble = boxId(dot, "speed.nc\\nrun-ensemble");
    String meanBox = boxId(dot, "mean.nc\\nrun-mean");
    assertThat(dot).as("edges point from source to derived, so the picture reads left to right in time")
        .contains(truth + " -> " + group + ";", group + " -> " + ensemble + ";", ensemble + " -> " + meanBox + ";");
    String svg = new String(d.svg(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(svg).contains("xlink:href=\"http://127.0.0.1:3030/dataset/run-ensemble#output-")
        .contains(">4 source files</text>");
    assertThat(boxX(svg, truth)).as("drawn left to right in time: truth, its files, the ensemble, the mean")
        .isLessThan(boxX(svg, group));
    assertThat(boxX(svg, group)).isLessThan(boxX(svg, ensemble));
    assertThat(boxX(svg, ensemble)).isLessThan(boxX(svg, meanBox));
  }

  @Test
  void lineagePictureReadsOnlyWhatItsWalkReadsNeverTheWholeStore() {
    String target = "sha256:" + mean.outputs().get(0).sha256();
    LineageStore walksOnly = new LineageStore() { // as a remote store reads: a read() downloads everything
      @Override
      public String location() {
        return store.location();
      }

      @Override
      public String replace(String graphName, org.apache.jena.graph.Graph graph) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> T read(java.util.function.Function<org.apache.jena.query.Dataset, T> action) {
        throw new AssertionError("the picture asked for the whole store");
      }

      @Override
      public java.util.List<org.apache.jena.graph.Node> resolve(String t) {
        return store.resolve(t);
      }

      @Override
      public <T> T readLineage(java.util.Collection<org.apache.jena.graph.Node> from, Lineage.Direction direction,
          java.util.function.Function<org.apache.jena.query.Dataset, T> action) {
        return store.readLineage(from, direction, action);
      }

      @Override
      public void close() {}
    };
    String expected = LineagePicture.of(store, target, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED, "").dot();

    assertThat(LineagePicture.of(walksOnly, target, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED, "").dot())
        .isEqualTo(expected).contains("4 source files");
  }

  private static double boxX(String svg, String id) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("<g id=\"" + id + "\" class=\"node[^>]*>.*?<text text-anchor=\"middle\" x=\"([0-9.]+)\"")
        .matcher(svg);
    assertThat(m.find()).as(id + " in\n" + svg).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String boxId(String dot, String labelStart) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("  (n\\d+) \\[label=\"" + java.util.regex.Pattern.quote(labelStart)).matcher(dot);
    assertThat(m.find()).as(labelStart + " in\n" + dot).isTrue();
    return m.group(1);
  }

  @Test
  void runPageShowsStepsSkippedFilesRecipeAndLog() {
    String html = get("/run/run-ensemble", Map.of()).text();
    assertThat(html)
        .contains("<code>rename</code>", "<th>variables</th>", "velsurf_mag")
        .contains("https://data.example.org/speed_m2.nc</td><td>member=2</td><td>HTTP 404</td>")
        .contains("id=\"duration\">1 min 30 s<")
        .contains("title: \"Speed &lt;script&gt;")
        .contains("[INFO] RecipeRunner - started run-ensemble");
    assertThat(get("/run/run-mean", Map.of()).text()).contains("this run kept no run.log");
  }

  @Test
  void sourcePageShowsUrlTruthAndEveryDatasetThatUsedIt() {
    String html = get("/source/" + Runs.sha("m1"), Map.of()).text();
    assertThat(html).contains("https://data.example.org/speed_m1.nc", Runs.sha("m1"), Runs.TRUTH, "member=1")
        .contains("href=\"/dataset/run-ensemble\"");
    String output = get("/source/" + ensemble.outputs().get(0).sha256(), Map.of()).text();
    assertThat(output).as("an earlier run's output used as a source names both runs")
        .contains("id=\"made-by\" href=\"/dataset/run-ensemble\"", "href=\"/dataset/run-mean\"");
  }

  @Test
  void searchFindsByTitleDoiUrlAndChecksum() {
    assertThat(get("/", Map.of("q", "ensemble mean")).text()).contains("<a href=\"/dataset/run-mean\">");
    assertThat(get("/", Map.of("q", "doi:10.5281/zenodo.7654321")).text()).contains("href=\"/source/" + Runs.sha("m4"));
    assertThat(get("/", Map.of("q", "speed_m3.nc")).text()).contains("href=\"/source/" + Runs.sha("m3"));
    assertThat(get("/", Map.of("q", "sha256:" + Runs.sha("m0"))).text()).contains("href=\"/source/" + Runs.sha("m0"));
    assertThat(get("/", Map.of("q", "no such thing")).text()).contains("id=\"no-hits\"");
  }

  @Test
  void aDoiUrlOrChecksumTypedInFullFindsWhatTheSubstringSearchFinds() {
    String nc = ensemble.outputs().get(0).sha256();
    String[] typed = {"doi:10.5281/zenodo.7654321", "https://doi.org/10.5281/zenodo.7654321",
        "https://data.example.org/speed_m3.nc", "sha256:" + Runs.sha("m0"), nc, nc.toUpperCase(Locale.ROOT),
        "10.5281/zenodo.765432", "10.5281/ZENODO.7654321", "https://data.example.org/speed_m", "https://nowhere.example/"};
    for (String q : typed) {
      Set<List<String>> shown = SearchPage.search(store, q).stream()
          .map(h -> List.of(h.kind(), h.label(), h.match())).collect(Collectors.toSet());
      String text = q.replaceFirst("^(doi:|https://doi\\.org/|sha256:)", "");
      Set<List<String>> everywhere = store.read(ds -> Rows.select(ds,
              WebQuery.SEARCH, Map.of("q", NodeFactory.createLiteralString(text)))
          .stream().map(r -> List.of(r.text("kind"), r.text("label"), r.text("match")))
          .collect(Collectors.toSet()));
      assertThat(shown).as("hits for %s", q).isEqualTo(everywhere);
      assertThat(shown.isEmpty()).as("hits for %s", q).isEqualTo(q.contains("nowhere"));
    }
    assertThat(SearchPage.search(store, nc)).extracting(h -> h.kind())
        .as("the ensemble's output, and the mean run's source").containsExactlyInAnyOrder("output", "source");
  }

  @Test
  void unknownIdsGetA404PageWithASearchBox() {
    for (String path : new String[] {"/dataset/nope", "/run/nope", "/source/" + Runs.sha("nope"), "/source/xyz",
        "/elsewhere"}) {
      Response r = get(path, Map.of());
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.text()).as(path).contains("id=\"not-found\"", "<input type=\"search\" name=\"q\"");
    }
  }

  @Test
  void updatesOverHttpAreRefused() {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      Response r = app.handle(new Request(method, "/dataset/run-ensemble", Map.of(), "text/html"));
      assertThat(r.status()).isEqualTo(405);
      assertThat(r.headers()).containsEntry("Allow", "GET, HEAD");
    }
    Response update = get("/query", Map.of("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
    assertThat(update.text()).contains("updates are refused: this server is read-only");
  }

  @Test
  void malformedSparqlShowsLineAndColumn() {
    String html = get("/query", Map.of("query", "SELECT *\nWHERE { ?s ?p }")).text();
    assertThat(html).contains("id=\"query-error\"").containsPattern("Line 2, column \\d+:");
    String ok = get("/query", Map.of("query", "SELECT ?id WHERE { ?r <http://purl.org/dc/terms/identifier> ?id }"))
        .text();
    assertThat(ok).contains("<td>run-ensemble</td>", "<td>run-mean</td>");
  }

  @Test
  void provIsServedByContentNegotiationOnThePageUrls() {
    Response ttl = app.handle(new Request("GET", "/dataset/run-ensemble", Map.of(), "text/turtle"));
    assertThat(ttl.contentType()).startsWith("text/turtle");
    Model m = ModelFactory.createDefaultModel().read(new StringReader(ttl.text()), null, "TURTLE");
    assertThat(m.containsResource(ResourceFactory.createResource(ProvIris.run("run-ensemble")))).isTrue();
    Response jsonld = app.handle(new Request("GET", "/run/run-ensemble", Map.of(), "application/ld+json"));
    assertThat(jsonld.contentType()).isEqualTo("application/ld+json");
    Model j = ModelFactory.createDefaultModel().read(new StringReader(jsonld.text()), null, "JSON-LD");
    assertThat(j.size()).isEqualTo(m.size());
    Response source = get("/source/" + Runs.sha("m1"), Map.of("format", "ttl"));
    assertThat(source.text()).contains("speed_m1.nc");
    assertThat(app.handle(new Request("GET", "/run/nope", Map.of(), "text/turtle")).status()).isEqualTo(404);
  }
}
