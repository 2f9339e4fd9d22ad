package org.headwater.provenance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.jena.graph.Node;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.ProvImportException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.Lineages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvImportTest {
  private static final String DERIVED = "https://cn.dataone.org/cn/v2/resolve/urn%3Auuid%3Aderived";
  private final OkHttpClient http = new OkHttpClient();
  @TempDir Path dir;

  @Test
  void importedResourceMapContinuesLineageToSourcesMadeElsewhere() throws Exception {
    Path rdf = dir.resolve("map.rdf");
    Files.copy(getClass().getResourceAsStream("/org/headwater/provenance/dataone-resource-map.rdf"), rdf);
    try (LineageStore store = LineageStore.open(dir.resolve("store"))) {
      // our run read the published object, naming its DataONE URL as its source of truth
      store.load("L", ProvenanceGraphs.build(
          Fixtures.link("L", "https://cn.dataone.org/cn/v2/object/urn%3Auuid%3Aderived", Fixtures.sha("derived"),
              DERIVED, Fixtures.sha("ours"), Fixtures.T0), null));
      String name = ProvImport.load(store, rdf.toString(), http);
      assertThat(name).startsWith("https://w3id.org/headwater/id/import/");
      List<String> up = Lineages.lineage(store, Fixtures.sha("ours"), Lineage.Direction.UPSTREAM, Lineage.UNLIMITED)
          .nodes().stream().map(Node::getURI).toList();
      assertThat(up).contains(DERIVED, "https://cn.dataone.org/cn/v2/resolve/urn%3Auuid%3Araw", "https://doi.org/10.18739/A2RAW");
      assertThat(Lineages.resolve(store, "urn:uuid:derived")).extracting(Node::getURI).containsExactly(DERIVED);
      // re-importing the same bytes replaces rather than duplicates
      assertThat(ProvImport.load(store, rdf.toString(), http)).isEqualTo(name);
      assertThat(store.graphNames()).hasSize(2);
    }
  }

  @Test
  void importsTurtleFromAUrl() throws Exception {
    try (MockWebServer web = new MockWebServer(); LineageStore store = LineageStore.open(dir.resolve("s"))) {
      web.enqueue(new MockResponse().setHeader("Content-Type", "text/turtle; charset=utf-8")
          .setBody("<urn:x> <http://www.w3.org/ns/prov#wasRevisionOf> <urn:y> ."));
      ProvImport.load(store, web.url("/prov").toString(), http);
      RecordedRequest req = web.takeRequest();
      assertThat(req.getHeader("Accept")).startsWith("text/turtle");
      assertThat(Lineages.lineage(store, "urn:x", Lineage.Direction.UPSTREAM, Lineage.UNLIMITED).nodes())
          .extracting(Node::getURI).containsExactly("urn:x", "urn:y");
    }
  }

  @Test
  void reportsHttpErrorsAndBadSyntax() throws Exception {
    try (MockWebServer web = new MockWebServer(); LineageStore store = LineageStore.open(dir.resolve("s"))) {
      web.enqueue(new MockResponse().setResponseCode(404));
      assertThatThrownBy(() -> ProvImport.load(store, web.url("/gone.ttl").toString(), http))
          .isInstanceOfSatisfying(ProvImportException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
      Path bad = Files.writeString(dir.resolve("bad.ttl"), "<urn:a> <urn:b> .");
      assertThatThrownBy(() -> ProvImport.load(store, bad.toString(), http))
          .isInstanceOf(ProvImportException.class).hasMessageContaining("bad.ttl").hasMessageContaining("Turtle");
    }
  }
}
