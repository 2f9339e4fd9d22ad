package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Flink cluster or object store that cannot be used, through the command line: one line, exit 1. */
class ClusterBadInputIT {
  @TempDir Path tmp;

  @Test
  void anUnreachableFlinkClusterIsOneLineNamingTheEndpointAndTheFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun o = CliRun.of("run", recipe("").toString(), "--work", tmp.resolve("work").toString(),
        "--store", tmp.resolve("lineage").toString(), "--wait-for-store", "--runner", "flink", "--flink-master",
        "127.0.0.1:" + port);
    assertThat(o.code()).isNotZero();
    assertThat(errorLines(o.err())).singleElement().asString()
        .startsWith("headwater: error: cannot reach the Flink cluster at http://127.0.0.1:" + port)
        .endsWith("start one (scripts/flink-cluster.sh start) or pass its JobManager's REST address with"
            + " --flink-master HOST:PORT");
    assertFailedRun();
  }

  @Test
  void anUnreachableObjectStoreIsOneLineNamingTheEndpoint() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    System.setProperty("aws.accessKeyId", "hw-test");
    System.setProperty("aws.secretAccessKey", "hw-test-secret");
    CliRun o;
    try {
      o = CliRun.of("run", recipe(", location: s3://derived/x").toString(), "--work",
          tmp.resolve("work").toString(), "--store", tmp.resolve("lineage").toString(), "--wait-for-store",
          "--s3-endpoint", "http://127.0.0.1:" + port);
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    assertThat(o.code()).isNotZero();
    assertThat(errorLines(o.err())).singleElement().asString()
        .startsWith("headwater: error: cannot use s3://derived/x/out.zarr: ")
        .contains("http://127.0.0.1:" + port);
    assertFailedRun();
  }

  private Path recipe(String outputExtra) throws Exception {
    NetcdfFixtures.write(tmp.resolve("src/f00.nc"), 0, 1, 0, "tas");
    String text = "id: c\nsources:\n  url: \"" + tmp.resolve("src").toUri() + "f{time:02d}.nc\"\n"
        + "  dimensions: [{name: time, range: {start: 0, end: 0}}]\n"
        + "outputs:\n  - {name: out, format: zarr" + outputExtra + "}\n";
    return Files.writeString(tmp.resolve("recipe.yaml"), text);
  }

  /** No run directory (the cluster is checked before one is made), or one that says failed. */
  private void assertFailedRun() throws Exception {
    if (!Files.exists(tmp.resolve("work/runs"))) {
      return;
    }
    try (Stream<Path> dirs = Files.list(tmp.resolve("work/runs"))) {
      for (Path d : dirs.toList()) {
        assertThat(RunRecords.read(d).status()).isEqualTo(RunRecord.FAILED);
        assertThat(d.resolve("outputs")).doesNotExist();
      }
    }
  }

  private static List<String> errorLines(String err) {
    return err.lines().filter(l -> l.startsWith("headwater: error: ")).toList();
  }
}
