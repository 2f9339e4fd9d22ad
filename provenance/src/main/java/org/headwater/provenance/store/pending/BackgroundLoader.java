package org.headwater.provenance.store.pending;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.StoreToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a store's queued graphs in a separate, detached JVM, so that a run's wall time does not
 * include the load: the run queues its graph ({@link PendingGraphs#queue}), starts this, and
 * exits. The loader opens the store (waiting while another process holds an embedded one), which
 * loads everything queued, and ends; its log goes to {@code load.log} in the spool. Should it
 * fail, the graphs stay queued and the next command that opens the store loads them.
 *
 * <p>The token, if any, reaches the loader in its environment ({@value StoreToken#ENV}), never on
 * its command line.
 */
public final class BackgroundLoader {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoader.class);

  private static final File SHELL = new File("/bin/sh");
  private static final File NULL = new File("/dev/null");

  private BackgroundLoader() {}

  /**
   * Starts a loader for {@code target}, with this JVM's class path.
   *
   * @return its pid
   * @throws IOException if the process cannot be started
   */
  public static long start(StoreTarget target) throws IOException {
    Path spool = PendingGraphs.spool(target);
    Files.createDirectories(spool);
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    String library = System.getProperty("jna.library.path");
    if (library != null) {
      cmd.add("-Djna.library.path=" + library);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BackgroundLoader.class.getName(),
        target.location()));
    Path log = spool.resolve("load.log");
    ProcessBuilder pb = SHELL.canExecute()
        ? new ProcessBuilder(detached(cmd, log)).redirectInput(ProcessBuilder.Redirect.from(NULL))
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        : new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(NULL))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().remove(StoreToken.ENV);
    if (target.token() != null) {
      pb.environment().put(StoreToken.ENV, target.token().envValue());
    }
    Process p = pb.start();
    long pid = SHELL.canExecute() ? shellChild(p, log) : p.pid();
    LOG.debug("started background lineage-store loader {} for {}", pid, target);
    return pid;
  }

  /**
   * The loader's command started in the background by {@code /bin/sh}, which prints its pid and
   * exits at once. Started directly, the loader would be this JVM's child, and the JDK's
   * process-reaper thread would sit in a native {@code waitpid} for it until this JVM exits;
   * HotSpot's exit waits at least 300 ms for threads in native code to block
   * ({@code VM_Exit::wait_for_threads_in_native_to_block}, {@code max_wait_user_thread = 30}
   * steps of 10 ms, in src/hotspot/share/runtime/vmOperations.cpp), which added ~0.4 s to every
   * run that handed its graph to a background loader (bench/provenance/README.md).
   */
  private static List<String> detached(List<String> cmd, Path log) {
    List<String> sh = new ArrayList<>(List.of(SHELL.getPath(), "-c",
        "\"$@\" </dev/null >>\"$0\" 2>&1 & echo $!", log.toString()));
    sh.addAll(cmd);
    return sh;
  }

  private static long shellChild(Process shell, Path log) throws IOException {
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    try {
      int rc = shell.waitFor();
      if (rc != 0 || !out.matches("\\d+")) {
        throw new IOException("could not start the background lineage-store loader (" + SHELL
            + " exited " + rc + "; see " + log + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the background lineage-store loader", e);
    }
    return Long.parseLong(out);
  }

  /** {@code BackgroundLoader STORE}: loads what waits for STORE, then exits. */
  public static void main(String[] args) {
    StoreTarget target = new StoreTarget(args[0], StoreToken.fromFileOrEnv(null).orElse(null), false);
    try (LineageStore store = target.open()) {
      LOG.info("background load into {} done", store.location());
    } catch (RuntimeException e) {
      LOG.warn("background load into {} failed; its graphs stay queued: {}", target, e.getMessage());
      System.exit(1);
    }
  }
}
