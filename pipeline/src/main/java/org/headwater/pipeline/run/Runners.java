package org.headwater.pipeline.run;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.flink.FlinkEndpoint;

/** Beam pipeline options for the runners Headwater supports. */
final class Runners {
  private Runners() {}

  static PipelineOptions options(RunOptions run, String jobName) {
    if (run.runner().equals("flink")) {
      if (!run.flinkMaster().startsWith("[")) {
        FlinkEndpoint.check(run.flinkMaster(), run.parallelism());
      }
      FlinkPipelineOptions o = PipelineOptionsFactory.create().as(FlinkPipelineOptions.class);
      o.setRunner(FlinkRunner.class);
      o.setFlinkMaster(run.flinkMaster());
      o.setParallelism(run.parallelism());
      o.setJobName(jobName);
      o.setStreaming(false);
      // no defensive deep copy between chained operators: Headwater's elements are immutable
      // records, and DoFns never change what they receive or emit (the DirectRunner's
      // immutability checks are off for the same reason)
      o.setFasterCopy(true);
      return o;
    }
    DirectOptions o = PipelineOptionsFactory.create().as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setTargetParallelism(run.parallelism());
    o.setBlockOnRun(false);
    o.setEnforceImmutability(false);
    o.setEnforceEncodability(false);
    o.setJobName(jobName);
    return o;
  }

  /**
   * The one-line error for a failed run: Headwater's own error when the chain holds one (also from
   * a worker on a cluster); for a job a Flink cluster refused or lost, the cluster's address and
   * where to look.
   */
  static RecipeException failure(RunOptions run, RuntimeException e) {
    RecipeException r = Failures.unwrap(e);
    if (!run.runner().equals("flink") || run.flinkMaster().startsWith("[") || r != null && r.getCause() != e) {
      return r;
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    return new RecipeException("the Flink cluster at " + FlinkEndpoint.url(run.flinkMaster()) + " did not run the job ("
        + why + "); check that it runs Flink 1.19 with free task slots, and see its JobManager and TaskManager logs", e);
  }

  static String name(RunOptions run) {
    return run.runner().equals("flink") ? "FlinkRunner" : "DirectRunner";
  }
}
