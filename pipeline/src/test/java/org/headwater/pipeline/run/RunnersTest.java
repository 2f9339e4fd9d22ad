package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.headwater.pipeline.RecipeException;
import org.junit.jupiter.api.Test;

/** Which one line a failed run on a Flink cluster ends with. */
class RunnersTest {
  private final RunOptions cluster =
      RunOptions.defaults(Path.of("w")).withRunner("flink").withFlinkMaster("10.0.0.5:8081");

  @Test
  void aJobTheClusterDidNotRunNamesTheClusterAndWhereToLook() {
    RuntimeException e = new RuntimeException("Pipeline execution failed",
        new IllegalStateException("wrapped", new IOException("Could not upload job files.\nmore detail")));
    assertThat(Runners.failure(cluster, e).getMessage())
        .isEqualTo("the Flink cluster at http://10.0.0.5:8081 did not run the job (Could not upload job files.);"
            + " check that it runs Flink 1.19 with free task slots, and see its JobManager and TaskManager logs");
  }

  @Test
  void headwatersOwnErrorFromAWorkerIsKept() {
    RecipeException worker = new RecipeException("file:/data/a.nc does not exist (no such file)");
    RuntimeException e = new RuntimeException("Pipeline execution failed", new RuntimeException("job", worker));
    assertThat(Runners.failure(cluster, e)).isSameAs(worker);
    assertThat(Runners.failure(RunOptions.defaults(Path.of("w")), new RuntimeException("x")).getMessage())
        .isEqualTo("the run failed: x");
  }
}
