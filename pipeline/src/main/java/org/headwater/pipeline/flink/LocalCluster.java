package org.headwater.pipeline.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.headwater.pipeline.RecipeException;

/**
 * A standalone Flink 1.19 session cluster on this machine, as two JVMs started from Flink's own
 * entry points on Headwater's class path (Flink's distribution is not needed): a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}), each given
 * {@code --configDir} with the {@link ClusterConfig}. The processes outlive the JVM that starts
 * them; their pids are kept in the cluster directory for {@link #stop}.
 *
 * <p>Run from {@code scripts/flink-cluster.sh}: {@code LocalCluster start DIR [SLOTS] | stop DIR |
 * status DIR}.
 */
public final class LocalCluster implements AutoCloseable {
  static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  /** Flink's own JVM flags for Java 17 (its config.yaml's env.java.default-opts.all, in part). */
  private static final List<String> OPENS =
      List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final ClusterConfig config;
  private final List<ProcessHandle> processes;

  private LocalCluster(ClusterConfig config, List<ProcessHandle> processes) {
    this.config = config;
    this.processes = List.copyOf(processes);
  }

  /**
   * Starts a JobManager and a TaskManager and waits until the TaskManager has registered.
   *
   * @param classPath the class path holding Flink's runtime and Headwater's classes
   * @param javaOptions extra JVM options for both (e.g. {@code -Djna.library.path=...})
   */
  public static LocalCluster start(ClusterConfig config, String classPath, List<String> javaOptions, Duration timeout) {
    Path conf = config.writeConf();
    List<ProcessHandle> started = new ArrayList<>();
    try {
      started.add(launch(config, conf, classPath, javaOptions, "jobmanager", JOB_MANAGER, List.of("-Xmx256m")));
      started.add(launch(config, conf, classPath, javaOptions, "taskmanager", TASK_MANAGER,
          List.of("-Xmx" + ClusterConfig.TASK_MANAGER_HEAP, "-Xms" + ClusterConfig.TASK_MANAGER_HEAP,
              "-XX:MaxDirectMemorySize=640m", "-XX:MaxMetaspaceSize=256m")));
      LocalCluster cluster = new LocalCluster(config, started);
      cluster.awaitTaskManager(timeout);
      return cluster;
    } catch (RuntimeException e) {
      started.forEach(LocalCluster::kill);
      throw e;
    }
  }

  public ClusterConfig config() {
    return config;
  }

  /** Waits until the REST API reports a registered TaskManager with all its task slots. */
  void awaitTaskManager(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    RecipeException last = null;
    while (Instant.now().isBefore(deadline)) {
      for (ProcessHandle p : processes) {
        if (!p.isAlive()) {
          throw new RecipeException("a Flink process of the cluster in " + config.dir() + " exited at start; see "
              + config.dir().resolve("log"));
        }
      }
      try {
        // a TaskManager is listed before its slots are: wait for all of them, or a job sent at
        // once is refused for "0 task slots" (seen on a loaded machine)
        FlinkEndpoint.Overview o = FlinkEndpoint.overview(config.master());
        if (o.taskManagers() > 0 && o.slotsTotal() >= config.slots()) {
          return;
        }
      } catch (RecipeException notYet) {
        last = notYet;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RecipeException("interrupted while the Flink cluster started", e);
      }
    }
    throw new RecipeException("the Flink cluster in " + config.dir() + " had no TaskManager with " + config.slots()
        + " task slots after " + timeout.toSeconds()
        + " s (" + (last == null ? "none registered" : last.getMessage()) + "); see " + config.dir().resolve("log"));
  }

  /** Stops both processes (and waits for them). */
  @Override
  public void close() {
    processes.forEach(LocalCluster::kill);
  }

  /** Stops the cluster whose pid files are in {@code dir}; returns how many processes were stopped. */
  public static int stop(Path dir) {
    int n = 0;
    for (String role : List.of("taskmanager", "jobmanager")) {
      Optional<ProcessHandle> p = running(dir, role);
      if (p.isPresent()) {
        kill(p.get());
        n++;
      }
      try {
        Files.deleteIfExists(dir.resolve(role + ".pid"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      Files.deleteIfExists(dir.resolve("master"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** The live process recorded in {@code dir/ROLE.pid}, if any. */
  static Optional<ProcessHandle> running(Path dir, String role) {
    Path pid = dir.resolve(role + ".pid");
    try {
      if (!Files.isRegularFile(pid)) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ProcessHandle launch(ClusterConfig config, Path conf, String classPath, List<String> javaOptions,
      String role, String main, List<String> memory) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(memory);
    cmd.addAll(OPENS);
    cmd.addAll(javaOptions);
    cmd.add("-Dlog.file=" + config.dir().resolve("log/" + role + ".log"));
    cmd.addAll(List.of("-cp", classPath, main, "--configDir", conf.toString()));
    try {
      Process p = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(config.dir().resolve("log/" + role + ".out").toFile())
          .start();
      p.getOutputStream().close();
      Files.writeString(config.dir().resolve(role + ".pid"), Long.toString(p.pid()));
      return p.toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Flink " + role + ": " + e.getMessage(), e);
    }
  }

  private static void kill(ProcessHandle p) {
    p.destroy();
    try {
      p.onExit().get(15, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      p.destroyForcibly();
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new RecipeException("cannot stop process " + p.pid() + ": " + e.getMessage(), e);
      }
    }
  }
}
