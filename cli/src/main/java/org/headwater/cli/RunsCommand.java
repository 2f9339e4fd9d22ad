package org.headwater.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.headwater.provenance.record.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code headwater runs}: the run directories under the work directory, each with its state. A
 * directory whose process died (no {@code run.json}, or one saying {@code running} whose process
 * is gone) is listed as incomplete, never as a run that succeeded.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List the runs in the work directory: succeeded, failed, running or incomplete (the process died).")
final class RunsCommand implements Callable<Integer> {
  @Mixin WorkOptions work = new WorkOptions();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /**
   * The run directories under {@code work}/runs whose process died; empty when there are none
   * (or no runs folder).
   */
  static List<Path> incomplete(Path work) {
    Path runs = work.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).filter(d -> RunState.of(d).kind() == RunState.Kind.INCOMPLETE)
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path runs = work.work.resolve("runs");
    List<Path> dirs;
    if (!Files.isDirectory(runs)) {
      out.printf("no runs in %s%n", runs);
      return 0;
    }
    try (Stream<Path> s = Files.list(runs)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
    }
    int incomplete = 0;
    for (Path d : dirs) {
      RunState state = RunState.of(d);
      incomplete += state.kind() == RunState.Kind.INCOMPLETE ? 1 : 0;
      out.printf("%s  %s%n", d.getFileName(), state.describe());
    }
    out.printf("%d %s in %s%s%n", dirs.size(), dirs.size() == 1 ? "run" : "runs", runs,
        incomplete == 0 ? "" : ", " + incomplete + " incomplete (never used as complete; delete them or run again)");
    return 0;
  }
}
