package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.params;
import static org.headwater.pipeline.testing.StepRunner.runAll;
import static org.headwater.pipeline.testing.StepRunner.spec;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run_command with NCO (Debian package nco). */
class RunCommandTest {
  @TempDir Path tmp;

  @BeforeEach
  void needsNco() {
    ExternalTools.requireNco();
  }

  Steps.Planned run(Object... kv) {
    return runAll(MemoryDataset.grid(), tmp, spec(0, "run_command", params(kv)));
  }

  @Test
  void runsToolOnceAndReadsItsOutputAsTheNextDataset() throws Exception {
    Steps.Planned p = run("command", List.of("ncap2", "-O", "-s", "w=v*{factor}", "{input}", "{output}"),
        "params", Map.of("factor", "2"), "version_command", List.of("ncap2", "--version"));
    assertThat(values(p.dataset(), "w")).containsExactly(0, 2, 4, 6, 20, 22, 24, 26, 40, 42, 44, 46);
    Map<String, Object> d = Steps.details(p.specs().get(0));
    assertThat((List<?>) d.get("argv")).element(4).asString().endsWith("input.nc");
    assertThat((List<?>) d.get("argv")).element(3).isEqualTo("w=v*2");
    assertThat(d.get("exitCode")).isEqualTo(0);
    assertThat((String) d.get("toolVersion")).isNotBlank();
    assertThat(Path.of((String) d.get("log"))).exists();
    assertThat(p.dataset().schema().variable("w").steps()).containsExactly(0);
    assertThat(tmp.resolve("steps/data/step-1-run_command/output.nc")).exists();
  }

  @Test
  void selectsVariablesWithNcks() {
    Steps.Planned p = run("command", List.of("ncks", "-O", "-v", "v", "{input}", "{output}"));
    assertThat(p.dataset().schema().variableNames()).contains("v", "x", "y");
  }

  @Test
  void nonZeroExitFailsWithStderrAndLog() {
    assertThatThrownBy(() -> run("command", List.of("ncks", "-O", "-v", "nope", "{input}", "{output}")))
        .isInstanceOf(StepException.class).hasMessageContaining("exited with 1")
        .hasMessageContaining("nope").hasMessageContaining("whole log:");
  }

  @Test
  void commandNotFoundSaysWhatToInstall() {
    assertThatThrownBy(() -> run("command", List.of("no-such-tool-hw", "{input}", "{output}")))
        .isInstanceOf(StepException.class).hasMessageContaining("cannot be started")
        .hasMessageContaining("apt-get install");
  }

  @Test
  void timeoutStopsTheTool() {
    assertThatThrownBy(() -> run("command", List.of("python3", "-c", "import time; time.sleep(10)", "{output}"), "timeout", 1))
        .hasMessageContaining("did not finish within 1 s");
  }

  @Test
  void missingOutputIsAnError() throws Exception {
    assertThatThrownBy(() -> run("command", List.of("true", "{input}", "{output}")))
        .hasMessageContaining("wrote no output.nc");
  }

  @Test
  void placeholdersAreCheckedWhenTheRecipeIsRead() {
    assertThatThrownBy(() -> run("command", List.of("ncks", "{nope}", "{output}")))
        .hasMessageContaining("{nope}");
    assertThatThrownBy(() -> run("command", List.of("ncks", "{input}")))
        .hasMessageContaining("{output}");
    assertThat(Files.exists(tmp.resolve("steps"))).isFalse();
  }
}
