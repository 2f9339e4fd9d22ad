package org.headwater.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.headwater.cli.lineage.StoreOption;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.run.RecipeRunner;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headwater run RECIPE}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a recipe. Prints progress, then a summary; the last line is the run directory."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RECIPE", description = "The recipe file (YAML).")
  Path recipe;

  @Mixin WorkOptions work;

  @Option(names = "--runner", description = "direct (default) or flink.", defaultValue = "direct")
  String runner;

  @Option(names = "--flink-master", paramLabel = "HOST:PORT",
      description = "Flink JobManager to submit to (default: an embedded local cluster).")
  String flinkMaster;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Worker threads (direct) or Flink parallelism; at most the cluster's task slots"
          + " (default: the number of processors, at least 2).")
  int parallelism;

  @Option(names = "--prune", paramLabel = "N", description = "Run on the first N items of each source only.")
  int prune;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "Override a parameter declared under 'params' in the recipe.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--prov-jsonld",
      description = "Also write the run's PROV graph as JSON-LD (prov.jsonld) beside prov.ttl.")
  boolean provJsonLd;

  @Mixin StoreOption store;

  @Option(names = "--wait-for-store",
      description = "Load the provenance graph into the lineage store before exiting (default: after the run"
          + " commits, a background process loads it; until then it waits in the run directory).")
  boolean waitForStore;

  @Mixin FetchFlags fetch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    int dead = RunsCommand.incomplete(work.work).size();
    if (dead > 0) {
      spec.commandLine().getErr().printf("headwater: note: %d incomplete run %s in %s (the process died;"
          + " never used as complete): see 'headwater runs'%n", dead, dead == 1 ? "directory" : "directories",
          work.work.resolve("runs"));
    }
    Recipe r = RecipeParser.withParams(params).parse(recipe);
    PrintWriter out = spec.commandLine().getOut();
    RunOptions options =
        RunOptions.defaults(work.work)
            .withRunner(runner)
            .withFlinkMaster(flinkMaster)
            .withPrune(prune)
            .withParallelism(parallelism)
            .withStore(store.target().withBackground(!waitForStore))
            .withProvJsonLd(provJsonLd)
            .withFetch(fetch.options(work.work));
    RunResult result = run(r, options);
    Summary.print(out, result);
    return 0;
  }

  static RunResult run(Recipe r, RunOptions options) {
    try (ProgressDisplay progress = ProgressDisplay.create(r.id()); RunLog log = RunLog.start(options.work())) {
      try {
        return RecipeRunner.run(r, options.withProgress(progress::update), log::keepIn);
      } catch (RuntimeException e) {
        log.failed(e);
        throw e;
      }
    }
  }
}
