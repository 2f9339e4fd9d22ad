package org.headwater.pipeline.beam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.RecipeException;

/**
 * Checks, where a worker starts, that it sees the directories the driver created for the run: its
 * staging and records folders and, where it fetches, the download cache. On a cluster whose workers do not share the
 * driver's filesystem they are missing, and the run stops with one line naming the worker's host
 * and the path instead of failing later on a file that is not there.
 */
final class WorkerPaths {
  private WorkerPaths() {}

  /** Checks the staging and records folders, which every worker writes to. */
  static void check(RunScope context) {
    check(context, List.of(context.staging().toString(), context.records().toString()));
  }

  /** Also checks the download cache, for workers that fetch. */
  static void checkWithCache(RunScope context) {
    check(context, List.of(context.staging().toString(), context.records().toString(), context.fetch().cacheDir()));
  }

  private static void check(RunScope context, List<String> dirs) {
    for (String dir : dirs) {
      if (!Files.isDirectory(Path.of(dir))) {
        throw new RecipeException(
            "the worker on host " + host() + " cannot see " + dir + ", which the driver created for run "
                + context.runId() + "; every worker must read and write the work directory at the same path:"
                + " put --work on a filesystem all cluster machines mount at that path (e.g. NFS), and read sources"
                + " from http(s):// or s3:// URLs or from that shared filesystem");
      }
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "(unknown host: " + e.getMessage() + ")";
    }
  }
}
