package org.headwater.pipeline.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of a one-machine standalone Flink 1.19 session cluster: its own loopback
 * ports, one TaskManager with explicit CPU and memory sizes (a TaskManager started without Flink's
 * shell scripts has no other way to size itself), and 512 MB of network memory (the demo with its GeoTIFF outputs needed more than 256 MB at parallelism 2), which
 * Beam's job graphs need.
 *
 * @param dir the cluster's directory: {@code conf/}, {@code log/}, {@code tmp/} and pid files
 * @param rpcPort the JobManager's RPC port
 * @param restPort the REST port: what {@code --flink-master 127.0.0.1:PORT} names
 * @param blobPort the JobManager's BLOB server port (job jars)
 * @param taskRpcPort the TaskManager's RPC port
 * @param taskDataPort the TaskManager's data (shuffle) port
 * @param slots task slots, the largest parallelism the cluster runs
 */
public record ClusterConfig(
    Path dir, int rpcPort, int restPort, int blobPort, int taskRpcPort, int taskDataPort, int slots) {

  /** Heap of the TaskManager JVM: Flink's framework heap plus the task heap below. */
  static final String TASK_MANAGER_HEAP = "384m";

  public ClusterConfig {
    if (slots < 1) {
      throw new IllegalArgumentException("slots < 1: " + slots);
    }
  }

  /** A configuration on five free loopback ports. */
  public static ClusterConfig onFreePorts(Path dir, int slots) {
    return new ClusterConfig(dir.toAbsolutePath(), freePort(), freePort(), freePort(), freePort(), freePort(), slots);
  }

  /** The settings, as Flink's configuration keys. */
  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("jobmanager.rpc.address", "127.0.0.1");
    s.put("jobmanager.bind-host", "127.0.0.1");
    s.put("jobmanager.rpc.port", Integer.toString(rpcPort));
    s.put("jobmanager.memory.process.size", "768m");
    s.put("rest.address", "127.0.0.1");
    s.put("rest.bind-address", "127.0.0.1");
    s.put("rest.port", Integer.toString(restPort));
    s.put("blob.server.port", Integer.toString(blobPort));
    s.put("taskmanager.host", "127.0.0.1");
    s.put("taskmanager.bind-host", "127.0.0.1");
    s.put("taskmanager.rpc.port", Integer.toString(taskRpcPort));
    s.put("taskmanager.data.port", Integer.toString(taskDataPort));
    s.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
    s.put("taskmanager.cpu.cores", Integer.toString(slots));
    s.put("taskmanager.memory.framework.heap.size", "128m");
    s.put("taskmanager.memory.task.heap.size", "256m");
    s.put("taskmanager.memory.framework.off-heap.size", "128m");
    s.put("taskmanager.memory.task.off-heap.size", "0m");
    s.put("taskmanager.memory.managed.size", "64m");
    s.put("taskmanager.memory.network.min", "512m");
    s.put("taskmanager.memory.network.max", "512m");
    s.put("taskmanager.memory.jvm-metaspace.size", "256m");
    s.put("taskmanager.memory.jvm-overhead.min", "192m");
    s.put("taskmanager.memory.jvm-overhead.max", "192m");
    s.put("io.tmp.dirs", dir.resolve("tmp").toString());
    s.put("web.tmpdir", dir.resolve("tmp").toString());
    s.put("blob.storage.directory", dir.resolve("tmp").toString());
    return s;
  }

  /** Writes {@code conf/flink-conf.yaml} (Flink 1.19 still reads this flat form) and returns the folder. */
  public Path writeConf() {
    try {
      Path conf = Files.createDirectories(dir.resolve("conf"));
      Files.createDirectories(dir.resolve("tmp"));
      Files.createDirectories(dir.resolve("log"));
      StringBuilder yaml = new StringBuilder("# written by Headwater's LocalCluster\n");
      settings().forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
      Files.writeString(conf.resolve("flink-conf.yaml"), yaml.toString());
      return conf;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Flink configuration in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** {@code 127.0.0.1:REST_PORT}, for {@code --flink-master}. */
  public String master() {
    return "127.0.0.1:" + restPort;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
    }
  }
}
