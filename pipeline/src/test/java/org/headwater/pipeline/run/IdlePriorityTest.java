package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The warm-up thread's idle priority, as the kernel reports it in /proc (proc(5)). */
class IdlePriorityTest {
  /** {@code SCHED_IDLE} in {@code sched.h}. */
  private static final int SCHED_IDLE = 5;

  @Test
  void theCallingThreadRunsInTheIdleClassAndOtherThreadsKeepTheirs() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux's /proc/thread-self");
    AtomicReference<Integer> policy = new AtomicReference<>();
    AtomicReference<Boolean> lowered = new AtomicReference<>();
    Thread t = new Thread(() -> {
      lowered.set(IdlePriority.lowerCallingThread());
      policy.set(policy());
    });
    t.start();
    t.join();
    assertThat(lowered.get()).isTrue();
    assertThat(policy.get()).as("policy of the lowered thread").isEqualTo(SCHED_IDLE);
    assertThat(policy()).as("policy of the test's own thread").isNotEqualTo(SCHED_IDLE);
  }

  /** Field 41 of /proc/thread-self/stat, after the parenthesised command name (which may hold spaces). */
  private static int policy() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[41 - 3]);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
