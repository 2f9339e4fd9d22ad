package org.headwater.pipeline.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.headwater.pipeline.plan.DatasetPlan;

/**
 * Runs a command-line tool (NCO, GDAL, CDO, ...) on each dataset, between Headwater steps: the
 * dataset so far is written chunk by chunk to a NetCDF file, the tool runs on it without a shell
 * ({@code {input}}, {@code {output}} and each {@link #withParam param} replaced in its argv) with a
 * timeout, and the NetCDF file it writes to {@code {output}} becomes the next lazy dataset. The
 * run record and PROV keep the exact argv, the exit code, the tool's version (from {@link
 * #withVersionCommand}), the end of its stderr and the log file with all of it; variables the
 * tool wrote derive from the step's activity. A tool that is not installed, exits non-zero, runs
 * past its timeout or writes no output fails the run with a one-line error naming the transform,
 * the dataset and the tool. It is the {@code run_command} step; make it with {@link
 * HeadwaterSteps#subprocess(String...)}.
 */
public final class Subprocess extends PTransform<PCollection<DatasetPlan>, PCollection<DatasetPlan>> {
  private final List<String> argv;
  private final List<String> versionArgv;
  private final long timeoutSeconds;
  private final Map<String, String> params;

  Subprocess(List<String> argv, List<String> versionArgv, long timeoutSeconds, Map<String, String> params) {
    this.argv = List.copyOf(argv);
    this.versionArgv = List.copyOf(versionArgv);
    this.timeoutSeconds = timeoutSeconds;
    this.params = new LinkedHashMap<>(params);
    if (argv.isEmpty() || argv.stream().noneMatch(a -> a.contains("{output}"))) {
      throw new IllegalArgumentException("HeadwaterSteps.subprocess: " + argv + " has no argument with"
          + " {output}, where the tool writes its result; e.g. ncks -O -v speed {input} {output}");
    }
  }

  /** The argv whose first non-empty output line is recorded as the tool's version, e.g. {@code ncks --version}. */
  public Subprocess withVersionCommand(String... versionArgv) {
    return new Subprocess(argv, List.of(versionArgv), timeoutSeconds, params);
  }

  /** How long the tool may run (default 600 s); then it is stopped and the run fails. */
  public Subprocess withTimeout(Duration timeout) {
    if (timeout.toSeconds() < 1) {
      throw new IllegalArgumentException("withTimeout: at least 1 s, found " + timeout);
    }
    return new Subprocess(argv, versionArgv, timeout.toSeconds(), params);
  }

  /** A value for the placeholder {@code {name}} in the argv (recorded with the step). */
  public Subprocess withParam(String name, String value) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put(name, value);
    return new Subprocess(argv, versionArgv, timeoutSeconds, p);
  }

  ApplyStep step() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("command", argv);
    if (!versionArgv.isEmpty()) {
      p.put("version_command", versionArgv);
    }
    if (timeoutSeconds != 600) {
      p.put("timeout", timeoutSeconds);
    }
    if (!params.isEmpty()) {
      p.put("params", params);
    }
    return new ApplyStep("run_command", p, null, null);
  }

  @Override
  public PCollection<DatasetPlan> expand(PCollection<DatasetPlan> input) {
    return input.apply("RunCommand", step());
  }
}
