package org.headwater.pipeline.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread in Linux's idle scheduling class ({@code SCHED_IDLE}), so it runs only
 * on a core no other thread wants: background work that must not slow the pipeline beside it.
 * Java cannot set a thread's scheduling itself, so this runs util-linux's {@code chrt --idle -p 0
 * TID} (an unprivileged process may lower its own threads' priority, sched(7)), the thread id
 * read from {@code /proc/thread-self}. Where that fails (not Linux, no chrt) the thread keeps its
 * priority and the reason is logged at debug level: only speed depends on it.
 */
final class IdlePriority {
  private static final Logger LOG = LoggerFactory.getLogger(IdlePriority.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");

  private IdlePriority() {}

  /** Lowers the calling thread's priority; true if it now runs only when a core is idle. */
  static boolean lowerCallingThread() {
    try {
      if (!Files.exists(THREAD_SELF)) {
        LOG.debug("no {}: this thread keeps its priority", THREAD_SELF);
        return false;
      }
      String tid = THREAD_SELF.toRealPath().getFileName().toString();
      Process chrt = new ProcessBuilder("chrt", "--idle", "-p", "0", tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!chrt.waitFor(5, TimeUnit.SECONDS)) {
        chrt.destroyForcibly();
        LOG.debug("chrt did not finish within 5 s: thread {} keeps its priority", tid);
        return false;
      }
      if (chrt.exitValue() != 0) {
        LOG.debug("chrt --idle -p 0 {} exited {}: this thread keeps its priority", tid, chrt.exitValue());
      }
      return chrt.exitValue() == 0;
    } catch (IOException e) {
      LOG.debug("cannot run chrt ({}): this thread keeps its priority", e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
