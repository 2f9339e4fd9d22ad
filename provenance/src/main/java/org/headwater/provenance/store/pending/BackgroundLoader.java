package org.headwater.provenance.store.pending;

import java.io.File;
import java.io.IOException;
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
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(spool.resolve("load.log").toFile()));
    pb.environment().remove(StoreToken.ENV);
    if (target.token() != null) {
      pb.environment().put(StoreToken.ENV, target.token().envValue());
    }
    Process p = pb.start();
    LOG.debug("started background lineage-store loader {} for {}", p.pid(), target);
    return p.pid();
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
