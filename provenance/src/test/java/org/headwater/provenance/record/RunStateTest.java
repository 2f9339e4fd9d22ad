package org.headwater.provenance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.headwater.provenance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {
  @TempDir Path dir;

  private RunRecord running(RunProcess process) {
    return new RunRecord("r-1", RunRecord.RUNNING, Fixtures.recipe("r"), Instant.now().minusSeconds(60), null,
        Fixtures.SOFTWARE, List.of(), List.of(), List.of(), List.of(), null, Map.of(), process);
  }

  @Test
  void aDirectoryWithoutRunJsonIsIncompleteAndCannotBeRead() throws Exception {
    Files.writeString(dir.resolve("recipe.yaml"), "id: r\n");
    RunState s = RunState.of(dir);
    assertThat(s.kind()).isEqualTo(RunState.Kind.INCOMPLETE);
    assertThat(s.describe()).startsWith("incomplete (no run.json");
    assertThatThrownBy(() -> RunRecords.read(dir)).hasMessageContaining("is incomplete")
        .hasMessageContaining(dir.toString());
  }

  @Test
  void runningWithItsProcessAliveIsRunningAndNotSucceeded() {
    RunRecord r = RunRecord.running("r-1", Fixtures.recipe("r"), Instant.now(), Fixtures.SOFTWARE);
    RunRecords.write(r, dir);
    RunRecord back = RunRecords.read(dir);
    assertThat(back.status()).isEqualTo("running");
    assertThat(back.process()).isEqualTo(RunProcess.current());
    assertThat(back.succeeded()).isFalse();
    assertThat(RunState.of(dir).kind()).isEqualTo(RunState.Kind.RUNNING);
  }

  @Test
  void runningWhoseProcessIsGoneIsIncomplete() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    RunRecords.write(running(new RunProcess(p.pid(), RunProcess.current().host())), dir);
    RunState s = RunState.of(dir);
    assertThat(s.kind()).isEqualTo(RunState.Kind.INCOMPLETE);
    assertThat(s.reason()).contains("says 'running'").contains("process " + p.pid()).contains("gone");
  }

  @Test
  void aPidReusedByALaterProcessDoesNotKeepARunAlive() {
    // this JVM started long after a run said to have started in 2001
    RunRecord old = new RunRecord("r-1", RunRecord.RUNNING, Fixtures.recipe("r"), Instant.parse("2001-01-01T00:00:00Z"),
        null, Fixtures.SOFTWARE, List.of(), List.of(), List.of(), List.of(), null, Map.of(), RunProcess.current());
    RunRecords.write(old, dir);
    assertThat(RunState.of(dir).kind()).isEqualTo(RunState.Kind.INCOMPLETE);
  }

  @Test
  void finishedRecordsCarryNoProcess() {
    RunRecords.write(Fixtures.greenland(), dir);
    assertThat(RunRecords.toJson(Fixtures.greenland())).doesNotContain("\"process\"");
    assertThat(RunState.of(dir).kind()).isEqualTo(RunState.Kind.SUCCEEDED);
  }
}
