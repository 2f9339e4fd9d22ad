package org.headwater.web;

import java.nio.file.Path;
import java.util.Map;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.http.Request;
import org.headwater.web.http.Response;
import org.headwater.web.http.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page tests' store: an embedded store holding the five-member ensemble run {@code
 * run-ensemble} (its title {@link Runs#HOSTILE}), plus what a test class adds ({@link #loadMore}),
 * and the web app over it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnsembleStoreFixture {
  LineageStore store;
  WebApp app;
  RunRecord ensemble;

  @BeforeAll
  void load(@TempDir Path tmp) throws Exception {
    store = LineageStore.open(tmp.resolve("store"));
    Path ensembleDir = tmp.resolve("runs/run-ensemble");
    ensemble = Runs.ensemble("run-ensemble", Runs.HOSTILE, 5, ensembleDir);
    Runs.load(store, ensemble, ensembleDir);
    loadMore(tmp, ensembleDir);
    app = new WebApp(store);
  }

  /** Adds this class's runs to {@link #store}; {@code tmp} holds {@code runs/} and the store. */
  abstract void loadMore(Path tmp, Path ensembleDir) throws Exception;

  @AfterAll
  void close() {
    store.close();
  }

  Response get(String path, Map<String, String> params) {
    return app.handle(Request.get(path, params));
  }
}
