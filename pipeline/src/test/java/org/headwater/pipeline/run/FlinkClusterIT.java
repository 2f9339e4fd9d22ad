package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.flink.ClusterConfig;
import org.headwater.pipeline.flink.LocalCluster;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.testing.Python;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo recipe on a real standalone Flink 1.19 session cluster (a JobManager and a TaskManager,
 * each its own JVM on its own loopback ports) with parallelism 2, against the DirectRunner: the
 * same data (read by xarray), run record and PROV graph apart from run ids, times and the runner.
 */
class FlinkClusterIT {
  @TempDir Path tmp;

  @Test
  void theDemoRecipeOnAStandaloneClusterMatchesTheDirectRunner() throws Exception {
    Path sources = tmp.resolve("src");
    DemoData.write(sources);
    String text = Files.readString(Path.of("../examples/greenland-speed-ensemble.yaml"));
    // without its history step, whose line carries the run's date and id
    Recipe recipe =
        RecipeParser.withParams(Map.of("source_root", "file:" + sources))
            .parse("greenland-speed-ensemble.yaml", text.replace("  - step: history\n    dataset: speed\n", ""));
    RunResult direct = RecipeRunner.run(recipe, RunOptions.defaults(tmp.resolve("direct")).withParallelism(2));

    ClusterConfig config = ClusterConfig.onFreePorts(tmp.resolve("flink"), 2);
    try (LocalCluster cluster =
        LocalCluster.start(config, System.getProperty("java.class.path"), List.of(), Duration.ofSeconds(120))) {
      RunOptions onCluster =
          RunOptions.defaults(tmp.resolve("cluster")).withRunner("flink").withFlinkMaster(cluster.config().master())
              .withParallelism(2);
      RunResult flink = RecipeRunner.run(recipe, onCluster);

      RunRecord f = flink.record();
      RunRecord d = direct.record();
      assertThat(f.status()).isEqualTo(RunRecord.SUCCEEDED);
      assertThat(f.software().runner()).isEqualTo("FlinkRunner");
      assertThat(f.outputs()).hasSameSizeAs(d.outputs()).hasSize(5);
      for (OutputRecord o : d.outputs()) {
        OutputRecord c = f.outputs().stream().filter(x -> x.name().equals(o.name())).findFirst().orElseThrow();
        assertThat(c.sha256()).as(o.name()).isEqualTo(o.sha256());
        assertThat(c.size()).isEqualTo(o.size());
        assertThat(c.variables()).isEqualTo(o.variables());
        assertThat(c.coverage()).isEqualTo(o.coverage());
      }
      assertThat(f.inputs()).extracting(i -> i.url() + " " + i.sha256() + " " + i.size())
          .isEqualTo(d.inputs().stream().map(i -> i.url() + " " + i.sha256() + " " + i.size()).toList());
      assertThat(f.skipped()).isEqualTo(d.skipped());
      assertThat(f.steps()).isEqualTo(d.steps());
      Model a = FlinkRunnerIT.withoutRunSpecifics(direct);
      Model b = FlinkRunnerIT.withoutRunSpecifics(flink);
      assertThat(a.isIsomorphicWith(b))
          .as("PROV graphs differ beyond run ids, times and runner:\nonly direct: %s\nonly cluster: %s",
              a.difference(b), b.difference(a))
          .isTrue();
      // the data, read by xarray: identical values in every output
      String compare =
          "import sys, hashlib, xarray as xr\n"
              + "a, b = sys.argv[1], sys.argv[2]\n"
              + "for name, open_ in [('speed.zarr', xr.open_zarr), ('speed.nc', xr.open_dataset)]:\n"
              + "    x = open_(a + '/' + name); y = open_(b + '/' + name)\n"
              + "    xr.testing.assert_identical(x.load(), y.load())\n"
              + "    v = x['surface_speed'].values\n"
              + "    print(name, v.shape, hashlib.sha256(v.tobytes()).hexdigest()[:16])\n"
              + "print('mass.csv', open(a + '/mass.csv').read() == open(b + '/mass.csv').read())\n";
      String out = Python.run(compare, direct.runDir().resolve("outputs").toString(),
          flink.runDir().resolve("outputs").toString());
      assertThat(out).contains("speed.zarr (5,", "speed.nc (5,", "mass.csv True");

      // a job the cluster cannot take: more parallelism than task slots, refused before submitting
      assertThatThrownBy(() -> RecipeRunner.run(recipe, onCluster.withParallelism(3)))
          .isInstanceOf(RecipeException.class)
          .hasMessage("the Flink cluster at http://" + config.master() + " has 2 task slots, fewer than the run's"
              + " parallelism 3; pass --parallelism 2 or add TaskManagers");
    }
    assertThat(cluster(config)).as("cluster processes after close").isEmpty();
  }

  private static List<ProcessHandle> cluster(ClusterConfig config) {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(config.dir().toString())).orElse(false))
        .toList();
  }
}
