package org.headwater.provenance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.StaleSource.Status;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleCheckTest {
  @TempDir Path dir;

  @Test
  void changedEtagAndRehashedFileMarkDerivedOutputsStale() throws Exception {
    Path local = Files.writeString(dir.resolve("local.nc"), "v1");
    Path untouched = Files.writeString(dir.resolve("same.nc"), "same");
    try (MockWebServer web = new MockWebServer(); LineageStore store = LineageStore.open(dir.resolve("store"))) {
      String url = web.url("/speed.nc").toString();
      RunRecord remote = Fixtures.link("R", url, Fixtures.sha("remote"), Fixtures.DOI, Fixtures.sha("out-R"), Fixtures.T0);
      remote = withEtag(remote, "\"v1\"");
      store.load("R", ProvenanceGraphs.build(remote, null));
      store.load("F", ProvenanceGraphs.build(Fixtures.link("F", local.toUri().toString(), Checksums.sha256(local), null,
          Fixtures.sha("out-F"), Fixtures.T0), null));
      store.load("S", ProvenanceGraphs.build(Fixtures.link("S", untouched.toUri().toString(), Checksums.sha256(untouched), null,
          Fixtures.sha("out-S"), Fixtures.T0), null));
      // run G consumes R's output: it is stale too
      store.load("G", ProvenanceGraphs.build(Fixtures.link("G", "file:///elsewhere/out-R.nc", Fixtures.sha("out-R"), null,
          Fixtures.sha("out-G"), Fixtures.T0.plusSeconds(60)), null));
      Files.writeString(local, "v2");
      web.enqueue(new MockResponse().setHeader("ETag", "\"v2\""));

      Map<String, StaleSource> byUrl = new java.util.HashMap<>();
      new StaleCheck(new OkHttpClient()).run(store).forEach(s -> byUrl.put(s.url(), s));

      assertThat(web.takeRequest().getMethod()).isEqualTo("HEAD");
      StaleSource r = byUrl.get(url);
      assertThat(r.status()).isEqualTo(Status.CHANGED);
      assertThat(r.reason()).isEqualTo("ETag \"v1\" -> \"v2\"");
      assertThat(r.affectedOutputs()).containsExactlyInAnyOrder(
          ProvIris.file(Fixtures.sha("out-R")), ProvIris.file(Fixtures.sha("out-G")));
      StaleSource f = byUrl.get(local.toUri().toString());
      assertThat(f.status()).isEqualTo(Status.CHANGED);
      assertThat(f.affectedOutputs()).containsExactly(ProvIris.file(Fixtures.sha("out-F")));
      assertThat(byUrl.get(untouched.toUri().toString()).status()).isEqualTo(Status.UNCHANGED);
      assertThat(byUrl.get("file:///elsewhere/out-R.nc").status()).isEqualTo(Status.MISSING);
    }
  }

  private static RunRecord withEtag(RunRecord r, String etag) {
    InputRecord i = r.inputs().get(0);
    InputRecord tagged = new InputRecord(i.url(), i.sourceOfTruth(), i.sha256(), i.size(), i.retrieved(), etag,
        null, i.fileType(), i.keys(), false);
    return new RunRecord(r.runId(), r.status(), r.recipe(), r.started(), r.ended(), r.software(), List.of(tagged),
        r.skipped(), r.steps(), r.outputs(), null);
  }
}
