package org.headwater.provenance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A process killed (SIGKILL) in the middle of loading a run leaves no half run in the store. */
class LineageStoreKillIT {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void storeSurvivesAProcessKilledMidLoad() throws Exception {
    Path store = dir.resolve("store");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                KillMidLoadChild.class.getName(), store.toString())
            .redirectErrorStream(false)
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.equals("MID")) {
          child.destroyForcibly(); // SIGKILL inside the write transaction
          break;
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(lines).containsExactly("COMMITTED 0", "COMMITTED 1", "COMMITTED 2", "MID");

    try (LineageStore reopened = LineageStore.open(store)) {
      assertThat(reopened.graphNames())
          .containsExactlyInAnyOrder(KillMidLoadChild.name(0), KillMidLoadChild.name(1), KillMidLoadChild.name(2));
      for (int i = 0; i < KillMidLoadChild.COMPLETE; i++) {
        assertThat(reopened.graphSize(KillMidLoadChild.name(i))).isEqualTo(KillMidLoadChild.TRIPLES);
      }
      assertThat(reopened.graphSize(KillMidLoadChild.name(KillMidLoadChild.COMPLETE))).isZero();
      // and the store still accepts new runs
      reopened.replace("urn:test:after", KillMidLoadChild.graph(9));
      assertThat(reopened.graphSize("urn:test:after")).isEqualTo(KillMidLoadChild.TRIPLES);
    }
  }
}
