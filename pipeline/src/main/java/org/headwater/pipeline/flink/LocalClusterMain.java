package org.headwater.pipeline.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code start DIR [SLOTS] | stop DIR | status DIR}: what {@code scripts/flink-cluster.sh} runs.
 * JVM options for the cluster's processes come from the system property {@code
 * headwater.flink.javaOptions} (space-separated).
 */
public final class LocalClusterMain {
  private LocalClusterMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LocalClusterMain start DIR [SLOTS] | stop DIR | status DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[1]).toAbsolutePath();
    switch (args[0]) {
      case "start" -> {
        if (LocalCluster.running(dir, "jobmanager").isPresent()) {
          System.err.println("a Flink cluster already runs from " + dir + "; stop it first");
          System.exit(1);
        }
        int slots = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String opts = System.getProperty("headwater.flink.javaOptions", "").trim();
        List<String> javaOptions = opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
        ClusterConfig config = ClusterConfig.onFreePorts(dir, slots);
        LocalCluster.start(config, System.getProperty("java.class.path"), javaOptions, Duration.ofSeconds(120));
        Files.writeString(dir.resolve("master"), config.master() + "\n");
        System.out.println("Flink cluster running: REST http://" + config.master() + ", " + slots
            + " task slots; logs in " + dir.resolve("log"));
        System.out.println("run recipes on it with: --runner flink --flink-master " + config.master()
            + " --parallelism " + slots);
      }
      case "stop" -> System.out.println("stopped " + LocalCluster.stop(dir) + " Flink processes of " + dir);
      case "status" -> {
        boolean jm = LocalCluster.running(dir, "jobmanager").isPresent();
        boolean tm = LocalCluster.running(dir, "taskmanager").isPresent();
        Path master = dir.resolve("master");
        String rest = Files.isRegularFile(master) ? ", --flink-master " + Files.readString(master).trim() : "";
        System.out.println("jobmanager " + (jm ? "running" : "not running") + ", taskmanager "
            + (tm ? "running" : "not running") + rest + " (" + dir + ")");
        System.exit(jm && tm ? 0 : 3);
      }
      default -> {
        System.err.println("unknown command '" + args[0] + "': use start, stop or status");
        System.exit(2);
      }
    }
  }
}
