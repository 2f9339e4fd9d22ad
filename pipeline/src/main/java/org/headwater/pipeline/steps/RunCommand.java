package org.headwater.pipeline.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.format.netcdf.NetcdfOutput;
import org.headwater.pipeline.recipe.OutputSpec;

/**
 * {@code run_command}: runs a command-line tool on the dataset, as NCO or GDAL users do by hand.
 * When the run is planned (once per run, not per chunk), the dataset is written to {@code
 * input.nc} in the step's folder of the run's temporary area, {@code command} runs there (an argv
 * list, never through a shell) with {@code {input}}, {@code {output}} and {@code {NAME}} for each
 * entry of {@code params} replaced, and its {@code output.nc} becomes the dataset the next steps
 * see; workers read it lazily. {@code timeout} (seconds, default 600) bounds the run; {@code
 * version_command} (an argv list) records the tool's version. The exact argv, exit code, version,
 * the end of its output ({@code stderr}, at most 300 characters) and the log holding the tool's
 * whole stdout/stderr go to the run record. A tool that is not
 * installed, exits non-zero, times out or writes no output fails the run.
 */
final class RunCommand implements ResolvingStep {
  static final StepType TYPE =
      new StepType(
          "run_command",
          Set.of("command", "version_command", "timeout", "params"),
          Set.of("command"),
          RunCommand::new);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  private final Params p;
  private final List<String> command;
  private final List<String> versionCommand;
  private final long timeout;
  private final Map<String, String> params;

  private RunCommand(Params p) {
    this.p = p;
    this.command = p.strings("command");
    if (command.isEmpty() || !(p.raw("command") instanceof List)) {
      throw p.bad("command", "an argv list such as [ncks, -O, -v, speed, '{input}', '{output}']",
          p.raw("command"));
    }
    this.versionCommand = p.strings("version_command");
    this.timeout = (long) p.number("timeout", 600);
    if (timeout < 1) {
      throw p.bad("timeout", "a number of seconds >= 1", timeout);
    }
    this.params = p.stringMap("params");
    for (String arg : command) {
      Matcher m = PLACEHOLDER.matcher(arg);
      while (m.find()) {
        String key = m.group(1);
        if (!key.equals("input") && !key.equals("output") && !params.containsKey(key)) {
          throw p.bad("command", "placeholders {input}, {output} or a key of params",
              "{" + key + "}");
        }
      }
    }
    if (command.stream().noneMatch(a -> a.contains("{output}"))) {
      throw p.bad("command", "an argument with {output}, where the tool writes its result", command);
    }
  }

  @Override
  public boolean resolved() {
    return p.has("_output");
  }

  @Override
  public Map<String, Object> resolve(Dataset input, int index, String dataset, StepContext ctx)
      throws IOException {
    Path dir = ctx.stepDir(dataset, index, "run_command");
    Files.createDirectories(dir);
    Path in = dir.resolve("input.nc");
    Path out = dir.resolve("output.nc");
    Files.deleteIfExists(out);
    NetcdfOutput.write(
        input, new OutputSpec("run_command", dataset, "netcdf3", Map.of(), Map.of(), "input.nc"), in);
    List<String> argv = argv(command, in, out);
    Path log = Path.of(ctx.logDir()).resolve(dataset + "-step-" + (index + 1) + "-run_command.log");
    Files.createDirectories(log.getParent());
    String version = versionCommand.isEmpty() ? null : Tools.version(versionCommand, dir);
    Tools.Result r = Tools.run(argv, dir, log, timeout);
    if (r.exitCode() != 0) {
      throw new StepException(
          "'" + argv.get(0) + "' exited with " + r.exitCode() + ": " + r.stderrTail()
              + " (whole log: " + log + ")");
    }
    if (!Files.isRegularFile(out) || Files.size(out) == 0) {
      throw new StepException(
          "'" + argv.get(0) + "' exited with 0 but wrote no " + out.getFileName()
              + "; make the command write to {output} (log: " + log + ")");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("argv", argv);
    details.put("exitCode", r.exitCode());
    details.put("stderr", r.stderrTail());
    if (version != null) {
      details.put("toolVersion", version);
    }
    details.put("log", log.toString());
    details.put("seconds", r.seconds());
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("_output", out.toString());
    resolved.put(DETAILS, details);
    return resolved;
  }

  /** The argv with placeholders replaced, each argument on its own (no shell). */
  List<String> argv(List<String> template, Path in, Path out) {
    List<String> argv = new ArrayList<>();
    for (String arg : template) {
      Matcher m = PLACEHOLDER.matcher(arg);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String key = m.group(1);
        String value = key.equals("input") ? in.toString()
            : key.equals("output") ? out.toString() : params.get(key);
        m.appendReplacement(b, Matcher.quoteReplacement(value));
      }
      m.appendTail(b);
      argv.add(b.toString());
    }
    return argv;
  }

  @Override
  public Dataset apply(Dataset input, int index) {
    if (!resolved()) {
      throw new StepException("run_command runs when the run is planned; use Steps.plan");
    }
    return CommandResult.open(Path.of(p.string("_output", null)), input, index);
  }
}
