package org.headwater.pipeline.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.StepContext;
import org.headwater.pipeline.steps.Steps;
import ucar.ma2.Array;

/** Runs steps on a dataset as a run's planner and workers do, for tests. */
public final class StepRunner {
  private StepRunner() {}

  /** Parameters as alternating name, value pairs. */
  public static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  public static StepSpec spec(int index, String name, Map<String, Object> params) {
    return new StepSpec(index, name, "data", params, "test.yaml:1:1");
  }

  /** Plans one step (resolving it) and reopens it as a worker would. */
  public static Dataset run(Dataset in, String step, Object... kv) {
    return runAll(in, Path.of(System.getProperty("java.io.tmpdir")), spec(0, step, params(kv)))
        .dataset();
  }

  public static Steps.Planned runAll(Dataset in, Path tmp, StepSpec... specs) {
    StepContext ctx = new StepContext("run-1", "test-recipe", "0.0-test",
        tmp.resolve("steps").toString(), tmp.resolve("logs").toString());
    Steps.Planned planned = Steps.plan(in, List.of(specs), ctx);
    return new Steps.Planned(Steps.applyAll(in, planned.specs()), planned.specs());
  }

  public static double[] values(Dataset d, String variable) throws IOException {
    Array a = d.readAll(variable);
    double[] out = new double[(int) a.getSize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getDouble(i);
    }
    return out;
  }

  public static List<String> names(Dataset d) {
    return new ArrayList<>(d.schema().variableNames());
  }
}
