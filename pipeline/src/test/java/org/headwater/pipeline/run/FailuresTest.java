package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.headwater.pipeline.RecipeException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void aRecipeErrorInsideRunnerWrappersIsWhatTheUserReads() {
    RecipeException cause = new RecipeException("source 'daily': file:x.nc not found");
    RuntimeException wrapped = new RuntimeException("pipeline failed", new IllegalStateException(cause));
    assertThat(Failures.unwrap(wrapped)).isSameAs(cause);
  }

  @Test
  void runningOutOfHeapSaysHowToGiveTheRunMore() {
    RuntimeException wrapped = new RuntimeException("org.apache.beam...PipelineExecutionException",
        new OutOfMemoryError("Java heap space"));
    RecipeException e = Failures.unwrap(wrapped);
    assertThat(e.getMessage())
        .startsWith("the run ran out of memory (Java heap space, Java heap limit ")
        .contains("HEADWATER_JAVA_OPTS=-Xmx2g")
        .contains("chunks smaller");
    assertThat(e.getCause()).isSameAs(wrapped);
  }

  @Test
  void otherFailuresNameTheirRootCause() {
    RuntimeException wrapped = new RuntimeException("outer", new java.io.IOException("disk full"));
    assertThat(Failures.unwrap(wrapped).getMessage()).isEqualTo("the run failed: disk full");
  }
}
