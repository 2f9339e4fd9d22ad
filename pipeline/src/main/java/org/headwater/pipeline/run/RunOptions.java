package org.headwater.pipeline.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.provenance.store.StoreTarget;

/**
 * How to run a recipe.
 *
 * @param work the work directory: runs go to {@code work/runs/<run id>}, the download cache to
 *     {@code work/cache}
 * @param runner {@code direct} (default) or {@code flink}
 * @param flinkMaster {@code [local]} for Flink's embedded cluster, or {@code HOST:PORT}
 * @param parallelism worker threads (DirectRunner) or Flink parallelism
 * @param prune when above 0, overrides the recipe's {@code prune}
 * @param fetch fetch options, or null for the defaults with the cache under {@code work}
 * @param progress receives progress snapshots while the pipeline runs, or null
 * @param store the lineage store the run's provenance goes to (an embedded TDB2 directory or a
 *     SPARQL endpoint, and whether a background process loads it), or null
 * @param provJsonLd whether to write the PROV graph as JSON-LD ({@code prov.jsonld}) beside
 *     {@code prov.ttl}, which every run writes
 */
public record RunOptions(
    Path work,
    String runner,
    String flinkMaster,
    int parallelism,
    int prune,
    FetchOptions fetch,
    Consumer<Progress> progress,
    StoreTarget store,
    boolean provJsonLd) {

  public RunOptions {
    Objects.requireNonNull(work, "work");
    runner = runner == null ? "direct" : runner;
    if (!runner.equals("direct") && !runner.equals("flink")) {
      throw new IllegalArgumentException("unknown runner '" + runner + "': use direct or flink");
    }
    flinkMaster = flinkMaster == null ? "[local]" : flinkMaster;
    parallelism = parallelism <= 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : parallelism;
  }

  public static RunOptions defaults(Path work) {
    return new RunOptions(work, "direct", null, 0, 0, null, null, null, false);
  }

  public RunOptions withRunner(String newRunner) {
    return new RunOptions(work, newRunner, flinkMaster, parallelism, prune, fetch, progress, store, provJsonLd);
  }

  public RunOptions withFlinkMaster(String master) {
    return new RunOptions(work, runner, master, parallelism, prune, fetch, progress, store, provJsonLd);
  }

  public RunOptions withPrune(int n) {
    return new RunOptions(work, runner, flinkMaster, parallelism, n, fetch, progress, store, provJsonLd);
  }

  public RunOptions withFetch(FetchOptions options) {
    return new RunOptions(work, runner, flinkMaster, parallelism, prune, options, progress, store, provJsonLd);
  }

  public RunOptions withProgress(Consumer<Progress> listener) {
    return new RunOptions(work, runner, flinkMaster, parallelism, prune, fetch, listener, store, provJsonLd);
  }

  public RunOptions withParallelism(int n) {
    return new RunOptions(work, runner, flinkMaster, n, prune, fetch, progress, store, provJsonLd);
  }

  /** The embedded store in {@code lineageStore}, loaded by the run itself. */
  public RunOptions withStore(Path lineageStore) {
    return withStore(lineageStore == null ? null : StoreTarget.embedded(lineageStore));
  }

  public RunOptions withStore(StoreTarget lineageStore) {
    return new RunOptions(work, runner, flinkMaster, parallelism, prune, fetch, progress, lineageStore, provJsonLd);
  }

  public RunOptions withProvJsonLd(boolean jsonLd) {
    return new RunOptions(work, runner, flinkMaster, parallelism, prune, fetch, progress, store, jsonLd);
  }

  public FetchOptions fetchOrDefault() {
    return fetch != null ? fetch : FetchOptions.defaults(work.resolve("cache").toString());
  }
}
