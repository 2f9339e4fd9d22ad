package org.headwater.provenance.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Fuseki server on an ephemeral loopback port over a real TDB2 store. */
class LineageServerIT {
  @TempDir static Path dir;
  private static TdbLineageStore store;
  private static LineageServer server;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    store = LineageStore.open(dir.resolve("store"));
    store.load("run-greenland-1", ProvenanceGraphs.build(Fixtures.greenland(), null));
    server = LineageServer.start(store, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void answersSparqlQueriesOverHttpOnLoopback() throws Exception {
    assertThat(server.endpoint()).startsWith("http://127.0.0.1:").endsWith("/lineage/sparql");
    String q = "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?src WHERE { ?out prov:wasDerivedFrom ?src }";
    HttpResponse<String> r = HTTP.send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"bindings\"").contains(Fixtures.DOI_IRI).contains(Fixtures.sha("m0"));
  }

  /**
   * Each refused write goes on a fresh connection: Jetty may answer before reading the request body
   * and then close the connection, and Java's client does not retry a POST or PUT on a connection the
   * server closed ("header parser received no bytes"). curl and browsers see the same 4xx either way.
   */
  @Test
  void refusesUpdates() throws Exception {
    String base = "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
    for (String path : new String[] {base + "/update", base, base + "/sparql"}) {
      HttpResponse<String> r = freshClient().send(
          HttpRequest.newBuilder(URI.create(path))
              .header("Content-Type", "application/sparql-update")
              .POST(HttpRequest.BodyPublishers.ofString("DROP ALL"))
              .timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isBetween(400, 499);
    }
    HttpResponse<String> put = freshClient().send(
        HttpRequest.newBuilder(URI.create(base + "?default"))
            .header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
            .timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isBetween(400, 499);
    assertThat(store.graphSize(ProvenanceGraphs.graphName("run-greenland-1"))).isPositive();
    assertThat(store.graphNames()).hasSize(1);
  }

  private static HttpClient freshClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  void rejectsABadPort() {
    assertThatThrownBy(() -> LineageServer.start(store, "127.0.0.1", 70000)).hasMessageContaining("70000");
  }
}
