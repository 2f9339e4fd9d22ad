package org.headwater.pipeline.beam;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.fetch.FetchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that does not see the run's directories says so, naming its host and the path. */
class WorkerPathsTest {
  @TempDir Path tmp;

  @Test
  void aWorkerThatCannotSeeTheDriversDirectoriesNamesHostPathAndFix() throws Exception {
    Path run = tmp.resolve("work/runs/r1");
    Files.createDirectories(run.resolve(".staging"));
    Files.createDirectories(tmp.resolve("work/cache"));
    RunScope context = context(run);
    String host = InetAddress.getLocalHost().getHostName();
    assertThatThrownBy(() -> WorkerPaths.checkWithCache(context))
        .isInstanceOf(RecipeException.class)
        .hasMessageStartingWith("the worker on host " + host + " cannot see " + run.resolve(".records")
            + ", which the driver created for run r1;")
        .hasMessageContaining("put --work on a filesystem all cluster machines mount at that path");
    Files.createDirectories(run.resolve(".records"));
    assertThatCode(() -> WorkerPaths.checkWithCache(context)).doesNotThrowAnyException();
  }

  private RunScope context(Path run) {
    return new RunScope("r1", "t", run.toString(), FetchOptions.defaults(tmp.resolve("work/cache").toString()));
  }
}
