package org.headwater.provenance.record;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;

/**
 * The process a run is running in, as {@code run.json} records it while the run is under way.
 *
 * @param pid the operating system's process id
 * @param host the host name the process runs on
 */
public record RunProcess(long pid, String host) implements Serializable {
  public RunProcess {
    Objects.requireNonNull(host, "host");
  }

  /** This JVM's process. */
  public static RunProcess current() {
    return new RunProcess(ProcessHandle.current().pid(), hostName());
  }

  /**
   * Whether this process is still alive: a live process with this pid that started no later than
   * the run (a pid reused by a later process does not count). On another host that cannot be
   * checked, so it counts as alive (a machine that cannot see a process does not call it dead).
   *
   * @param runStarted when the run started (its record's {@code started})
   */
  public boolean alive(Instant runStarted) {
    if (!host.equals(hostName())) {
      return true;
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().startInstant().map(s -> runStarted == null || !s.isAfter(runStarted)).orElse(true))
        .orElse(false);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "localhost" : env;
    }
  }
}
