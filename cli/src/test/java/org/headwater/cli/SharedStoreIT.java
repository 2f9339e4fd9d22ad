package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreToken;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.pending.PendingGraphs;
import org.headwater.pipeline.testing.Python;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many runs, one lineage store: real {@code headwater run} processes (child JVMs) over two small
 * NetCDF-4 files written by netCDF-C (netCDF4-python), writing at once into one embedded TDB2
 * store and into the project's served store (Fuseki, {@code headwater serve}'s server, on a free
 * loopback port, writes with a token); and a served store that goes down while a run is going.
 * Half the runs load their graph themselves ({@code --wait-for-store}), half hand it to a
 * background loader (the default).
 */
class SharedStoreIT {
  private static final int RUNS = 8;
  private static final String TOKEN = "shared-store-it-token";
  private static final Pattern LOADER = Pattern.compile("background loader pid (\\d+)");
  private static final String COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?runs) WHERE { GRAPH ?g { ?s ?p ?o } }";

  @TempDir static Path sources;
  @TempDir Path dir;

  @BeforeAll
  static void writeSources() throws Exception {
    Python.require("python3-netcdf4", "netCDF4", "numpy");
    String script = String.join("\n",
        "import netCDF4, numpy as np",
        "for m in (1, 2):",
        "    ds = netCDF4.Dataset(f'" + sources + "/s{m}.nc', 'w', format='NETCDF4')",
        "    ds.createDimension('time', 2); ds.createDimension('x', 4)",
        "    t = ds.createVariable('time', 'f8', ('time',)); t.units = 'days since 2000-01-01'; t[:] = [0, 1]",
        "    v = ds.createVariable('temp', 'f4', ('time', 'x'), zlib=True); v.units = 'K'; v[:] = m",
        "    ds.close()");
    Python.run(script);
    Files.writeString(sources.resolve("recipe.yaml"), String.join("\n",
        "id: shared-store",
        "title: Two files",
        "description: Two NetCDF-4 files combined into one NetCDF-3 file.",
        "license: CC-BY-4.0",
        "creators:",
        "  - name: Josiah Carberry",
        "sources:",
        "  - name: t",
        "    url: \"file:" + sources + "/s{m}.nc\"",
        "    file_type: netcdf",
        "    dimensions:",
        "      - {name: m, kind: concat, new: true, range: {start: 1, end: 2}}",
        "outputs:",
        "  - {name: n3, format: netcdf3, path: t.nc}",
        ""));
  }

  @Test
  void eightRunsAtOnceIntoOneEmbeddedStoreLoseNothing() throws Exception {
    Path store = dir.resolve("lineage");
    List<Path> runs = runAtOnce(store.toString(), Map.of());
    String count = cli(Map.of(), "query", "--store", store.toString(), "--format", "csv", "-e", COUNT);
    assertThat(count).as("the next command loads what waited").contains("runs\r\n" + RUNS);
    try (TdbLineageStore s = LineageStore.open(store)) {
      assertThat(s.graphNames()).containsExactlyInAnyOrderElementsOf(graphNames(runs));
    }
  }

  @Test
  void eightRunsAtOnceIntoTheServedStoreLoseNothing() throws Exception {
    try (TdbLineageStore served = LineageStore.open(dir.resolve("served"));
        LineageServer server = LineageServer.start(served, "127.0.0.1", 0, StoreToken.of(TOKEN))) {
      String url = "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
      List<Path> runs = runAtOnce(url, Map.of(StoreToken.ENV, TOKEN, "HEADWATER_HOME", dir.resolve("home").toString()));
      assertThat(served.graphNames()).containsExactlyInAnyOrderElementsOf(graphNames(runs));
      String count = cli(Map.of(), "query", "--store", url, "--format", "csv", "-e", COUNT);
      assertThat(count).as("queries read the remote store").contains("runs\r\n" + RUNS);
    }
  }

  @Test
  void aStoreDownMidRunKeepsTheGraphAndTheNextCommandLoadsIt() throws Exception {
    Path home = dir.resolve("home");
    Map<String, String> env = Map.of(StoreToken.ENV, TOKEN, "HEADWATER_HOME", home.toString());
    TdbLineageStore served = LineageStore.open(dir.resolve("served"));
    LineageServer server = LineageServer.start(served, "127.0.0.1", 0, StoreToken.of(TOKEN));
    int port = server.port();
    String url = "http://127.0.0.1:" + port + LineageServer.DATASET;
    Path work = dir.resolve("work");
    Process run = start(dir.resolve("run.log"), env, "run", sources.resolve("recipe.yaml").toString(),
        "--work", work.toString(), "--store", url, "--wait-for-store");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (runDirs(work).isEmpty() && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    server.close(); // down while the run is going
    served.close();
    assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("run.log"));
    assertThat(run.exitValue()).as(log).isZero();
    Path runDir = runDirs(work).get(0);
    assertThat(RunRecords.read(runDir).succeeded()).isTrue();
    assertThat(runDir.resolve(PendingGraphs.MARKER)).as(log).exists();
    assertThat(log.lines().filter(l -> l.contains("WARN")).toList()).as(log).singleElement().asString()
        .contains("the run succeeded").contains(runDir.resolve(PendingGraphs.MARKER).toString()).contains(url)
        .contains("connection refused");

    try (TdbLineageStore back = LineageStore.open(dir.resolve("served"));
        LineageServer again = LineageServer.start(back, "127.0.0.1", port, StoreToken.of(TOKEN))) {
      String count = cli(env, "query", "--store", url, "--format", "csv", "-e", COUNT);
      assertThat(count).contains("runs\r\n1");
      assertThat(back.graphNames()).containsExactlyElementsOf(graphNames(List.of(runDir)));
      assertThat(runDir.resolve(PendingGraphs.MARKER)).doesNotExist();
    }
  }

  @Test
  void aStoreThatIsDownOrRefusesTheWriteGetsOneLineNamingItAndTheFix() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String down = "http://127.0.0.1:" + port + LineageServer.DATASET;
    CliRun q = CliRun.of("query", "--store", down, "-e", COUNT);
    assertThat(q.code()).isEqualTo(1);
    assertThat(q.err().strip().lines()).as(q.err()).last().asString()
        .startsWith("headwater: error: lineage store " + down).contains("connection refused");

    try (TdbLineageStore served = LineageStore.open(dir.resolve("served"));
        LineageServer server = LineageServer.start(served, "127.0.0.1", 0, StoreToken.of(TOKEN))) {
      String url = "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
      Path work = dir.resolve("work");
      String out = cli(Map.of("HEADWATER_HOME", dir.resolve("home").toString()), "run",
          sources.resolve("recipe.yaml").toString(), "--work", work.toString(), "--store", url, "--wait-for-store");
      Path runDir = runDirs(work).get(0);
      assertThat(RunRecords.read(runDir).succeeded()).as("a run without the token still succeeds").isTrue();
      assertThat(out.lines().filter(l -> l.contains("WARN")).toList()).as(out).singleElement().asString()
          .contains(runDir.resolve(PendingGraphs.MARKER).toString()).contains(url).contains("HTTP 401")
          .contains("HEADWATER_STORE_TOKEN");
      assertThat(served.graphNames()).isEmpty();

      Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
      String count = cli(Map.of("HEADWATER_HOME", dir.resolve("home").toString()), "query", "--store", url,
          "--store-token-file", tokenFile.toString(), "--format", "csv", "-e", COUNT);
      assertThat(count).as("the next command with the token loads it").contains("runs\r\n1").doesNotContain(TOKEN);
      assertThat(served.graphNames()).containsExactlyElementsOf(graphNames(List.of(runDir)));
    }
    CliRun noDataset = CliRun.of("query", "--store", "http://127.0.0.1:3030", "-e", COUNT);
    assertThat(noDataset.code()).isNotZero();
    assertThat(noDataset.err()).contains("http(s)://HOST:PORT/DATASET");
  }

  /** Starts {@value #RUNS} runs at once, half with --wait-for-store; waits for them and their loaders. */
  private List<Path> runAtOnce(String store, Map<String, String> env) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      List<String> args = new ArrayList<>(List.of("run", sources.resolve("recipe.yaml").toString(),
          "--work", dir.resolve("work").toString(), "--store", store));
      if (i % 2 == 0) {
        args.add("--wait-for-store");
      }
      processes.add(start(dir.resolve("run-" + i + ".log"), env, args.toArray(String[]::new)));
    }
    for (int i = 0; i < RUNS; i++) {
      Process p = processes.get(i);
      String log = dir.resolve("run-" + i + ".log").toString();
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(log).isTrue();
      String text = Files.readString(Path.of(log));
      assertThat(p.exitValue()).as(text).isZero();
      Matcher m = LOADER.matcher(text);
      while (m.find()) {
        ProcessHandle.of(Long.parseLong(m.group(1))).ifPresent(h -> h.onExit().orTimeout(120, TimeUnit.SECONDS).join());
      }
    }
    List<Path> runs = runDirs(dir.resolve("work"));
    assertThat(runs).hasSize(RUNS);
    for (Path r : runs) {
      assertThat(RunRecords.read(r).status()).as(r.toString()).isEqualTo("succeeded");
      assertThat(r.resolve("outputs/t.nc")).exists();
    }
    return runs;
  }

  private static List<String> graphNames(List<Path> runs) {
    return runs.stream().map(r -> ProvenanceGraphs.graphName(r.getFileName().toString())).toList();
  }

  private Process start(Path log, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "org.headwater.cli.Headwater"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.toFile()).redirectErrorStream(true);
    pb.environment().remove(StoreToken.ENV);
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs a command in a child JVM (so that it sees {@code env}); its output, after exit 0. */
  private String cli(Map<String, String> env, String... args) throws Exception {
    Path log = Files.createTempFile(dir, "cli", ".log");
    Process p = start(log, env, args);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static List<Path> runDirs(Path work) throws Exception {
    Path runs = work.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
