package org.headwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.graph.FailedRunGraph;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.record.RunRecord;
import org.headwater.web.http.Response;
import org.headwater.web.page.SearchPage;
import org.junit.jupiter.api.Test;

/**
 * A run that failed, as the pages show it: listed with its status, its run page with its error,
 * recipe and log, and never taken for a dataset. The store holds an ensemble run and a later run of
 * the same recipe that failed after fetching two of its files and one file nobody else read.
 */
class FailedRunPagesTest extends EnsembleStoreFixture {
  static final String ERROR = "checksum mismatch for https://data.example.org/speed_m3.nc: expected"
      + " <script>alert('e')</script>; fix the recipe's sha256";

  @Override
  void loadMore(Path tmp, Path ensembleDir) throws Exception {
    Path failedDir = tmp.resolve("runs/run-failed");
    RunRecord failed = Runs.failed("run-failed", ensemble, ensembleDir, failedDir, ERROR);
    store.load(failed.runId(), FailedRunGraph.build(failed, failedDir));
  }

  @Test
  void indexListsTheFailedRunWithItsStatusButNoDataset() {
    String html = get("/", Map.of()).text();
    String row = html.substring(html.indexOf("href=\"/run/run-failed\"") - 300, html.indexOf("href=\"/run/run-failed\""));
    assertThat(html).contains("href=\"/run/run-failed\"", "<td class=\"status-failed\">failed</td>",
        "<span class=\"no-dataset\">Speed &lt;script&gt;alert('x')&lt;/script&gt; &amp; friends</span>")
        .doesNotContain("href=\"/dataset/run-failed\"", "<script>alert");
    assertThat(row).contains("the run failed: no dataset").doesNotContain("class=\"dataset\"");
    assertThat(html.indexOf("/run/run-failed")).as("newest first").isLessThan(html.indexOf("/run/run-ensemble"));
  }

  @Test
  void runPageShowsStatusErrorRecipeAndItsOwnLog() {
    String html = get("/run/run-failed", Map.of()).text();
    assertThat(html)
        .contains("id=\"status\">failed<", "id=\"no-outputs\"", "id=\"no-steps\"", "id=\"duration\">9.0 s<")
        .contains("id=\"error\"", "expected &lt;script&gt;alert('e')&lt;/script&gt;; fix the recipe's sha256")
        .contains("title: \"Speed &lt;script&gt;")
        .contains("[INFO] RunDriver - run run-failed of greenland", "[ERROR] the run failed: checksum mismatch")
        .contains("speed_m9.nc", "href=\"/source/" + Runs.sha("m1") + "\"")
        .doesNotContain("<script>alert", "id=\"dataset-link\"", "href=\"/dataset/run-failed\"");
    assertThat(html).as("its own log, not that of the earlier run of the same recipe")
        .doesNotContain("started run-ensemble");
    assertThat(get("/run/run-ensemble", Map.of()).text()).as("and the earlier run keeps its own")
        .contains("started run-ensemble").doesNotContain("run-failed");
  }

  @Test
  void theDatasetUrlOfAFailedRunLeadsToItsRunPage() {
    Response r = get("/dataset/run-failed", Map.of());
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.headers()).containsEntry("Location", "/run/run-failed");
    assertThat(get("/dataset/run-ensemble", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void searchFindsTheFailedRunAndLinksItsRunPage() {
    assertThat(SearchPage.search(store, "run-failed")).singleElement().satisfies(h -> {
      assertThat(h.kind()).isEqualTo("failed run");
      assertThat(h.href()).isEqualTo("/run/run-failed");
    });
    assertThat(get("/", Map.of("q", "run-ensemble")).text()).contains("<a href=\"/dataset/run-ensemble\">");
  }

  @Test
  void sourcePagesListTheFailedRunApartFromTheDatasetsMadeFromAFile() {
    String html = get("/source/" + Runs.sha("m1"), Map.of()).text();
    String usedBy = html.substring(html.indexOf("id=\"used-by\""), html.indexOf("</ul>", html.indexOf("id=\"used-by\"")));
    assertThat(usedBy).contains("/dataset/run-ensemble").doesNotContain("run-failed");
    assertThat(html).contains("id=\"failed-runs\"", "href=\"/run/run-failed\"");
  }

  @Test
  void namedQueriesDoNotTakeTheFailedRunForADatasetOrItsFilesForSources() {
    List<String> recorded = store.query(NamedQuery.RECORDED_SOURCES.query(), Map.of(), qe -> {
      List<String> urls = new ArrayList<>();
      qe.execSelect().forEachRemaining(row -> urls.add(row.getResource("url").getURI()));
      return urls;
    });
    assertThat(recorded).as("stale re-checks what made datasets, as before").hasSize(4)
        .contains("https://data.example.org/speed_m1.nc").doesNotContain("https://data.example.org/speed_m9.nc");
    List<String> outputs = store.query(NamedQuery.RECIPE_OUTPUTS.query(),
        Map.of("recipe", NodeFactory.createURI(ProvIris.file(ensemble.recipe().sha256()))), qe -> {
          List<String> runs = new ArrayList<>();
          qe.execSelect().forEachRemaining(row -> runs.add(row.getResource("run").getURI()));
          return runs;
        });
    assertThat(outputs).containsExactly(ProvIris.run("run-ensemble"));
    List<String> impact = store.query(NamedQuery.DOWNSTREAM_IMPACT.query(),
        Map.of("target", NodeFactory.createURI(ProvIris.file(Runs.sha("m1")))), qe -> {
          List<String> activities = new ArrayList<>();
          qe.execSelect().forEachRemaining(row -> activities.add(String.valueOf(row.get("activity"))));
          return activities;
        });
    assertThat(impact).isNotEmpty().doesNotContain(ProvIris.run("run-failed"));
  }
}
