package org.headwater.provenance.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageFormat;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.lineage.LineageRenderer;
import org.headwater.provenance.lineage.Lineages;
import org.headwater.provenance.lineage.Targets;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.remote.RemoteLineageStore;

/**
 * {@code headwater lineage TARGET --store http://…} before and after remote reads queried the
 * endpoint (see bench/provenance/README.md; not a unit test). Builds a store of {@code LANES x
 * DEPTH} runs shaped as {@link LineageBench} makes them (bulk-loaded once into {@code WORKDIR}),
 * serves it read-only with {@code headwater serve}'s server on a loopback port, and times the
 * upstream lineage of lane 0's deepest output as a tree, the two ways alternating:
 *
 * <ul>
 *   <li>before: what {@code Lineages.print} did until this change, verbatim: one {@code
 *       store.read} (a GET of the whole dataset as N-Quads into memory), {@code Targets.resolve}
 *       and {@code Lineage.walk} on it;
 *   <li>after: {@code Lineages.print} now (ASKs, one CONSTRUCT of the target's upstream lineage).
 * </ul>
 *
 * <p>Each way runs in fresh JVMs (as the command does: start, Jena start, one call; the process's
 * wall time) and warm in this one. Args: {@code WORKDIR DEPTH COLD_ROUNDS WARM_ROUNDS}.
 */
public final class RemoteLineageBench {
  private RemoteLineageBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("client")) { // one timed command in a fresh JVM: client MODE URL TARGET
      System.out.println(lineage(args[1], args[2], args[3]).length);
      return;
    }
    Path work = Path.of(args[0]);
    int depth = Integer.parseInt(args[1]);
    int cold = Integer.parseInt(args[2]);
    int warm = Integer.parseInt(args[3]);
    Path dir = work.resolve("store-" + LineageBench.LANES + "x" + depth);
    boolean fresh = !Files.exists(dir);
    try (TdbLineageStore store = LineageStore.open(dir);
        LineageServer server = LineageServer.start(store, "127.0.0.1", 0)) {
      if (fresh) {
        load(store, depth);
      }
      long triples = store.read(ds -> (long) LineageStore.unionGraph(ds).size());
      String url = "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
      String target = ProvIris.file(LineageBench.outSha(0, depth - 1));
      byte[] before = lineage("before", url, target);
      byte[] after = lineage("after", url, target);
      System.out.printf("STORE %d runs (%d lanes x %d deep), %,d triples; target %s: %d tree lines; same output: %s%n",
          LineageBench.LANES * depth, LineageBench.LANES, depth, triples, target,
          new String(after, StandardCharsets.UTF_8).lines().count(), java.util.Arrays.equals(before, after));
      List<Long> coldBefore = new ArrayList<>();
      List<Long> coldAfter = new ArrayList<>();
      for (int i = 0; i < cold; i++) { // alternate which way goes first
        for (String mode : i % 2 == 0 ? List.of("before", "after") : List.of("after", "before")) {
          (mode.equals("before") ? coldBefore : coldAfter).add(child(mode, url, target));
        }
      }
      List<Long> warmBefore = new ArrayList<>();
      List<Long> warmAfter = new ArrayList<>();
      for (int i = 0; i < warm; i++) {
        for (String mode : i % 2 == 0 ? List.of("before", "after") : List.of("after", "before")) {
          long t0 = System.nanoTime();
          lineage(mode, url, target);
          (mode.equals("before") ? warmBefore : warmAfter).add((System.nanoTime() - t0) / 1_000_000);
        }
      }
      report("fresh JVM per command (process wall, ms)", coldBefore, coldAfter);
      report("warm, in one JVM (ms)", warmBefore, warmAfter);
    }
  }

  /** The tree {@code headwater lineage TARGET} prints, the old way or the new. */
  static byte[] lineage(String mode, String url, String target) throws IOException {
    RemoteLineageStore store = RemoteLineageStore.connect(URI.create(url), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (mode.equals("before")) {
      LineageGraph g = store.read(ds -> Lineage.walk(LineageStore.unionGraph(ds), Targets.resolve(ds, target),
          Lineage.Direction.UPSTREAM, Lineage.UNLIMITED));
      LineageRenderer.write(g, null, LineageFormat.TREE, out);
    } else {
      Lineages.print(store, target, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED, LineageFormat.TREE, out);
    }
    return out.toByteArray();
  }

  private static long child(String mode, String url, String target) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(java, "-Xss64m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), RemoteLineageBench.class.getName(), "client", mode, url, target)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(mode + " client failed: exit " + p.exitValue());
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void load(TdbLineageStore store, int depth) {
    Iterator<Map.Entry<String, Graph>> graphs = new Iterator<>() {
      int next = 0;

      @Override
      public boolean hasNext() {
        return next < LineageBench.LANES * depth;
      }

      @Override
      public Map.Entry<String, Graph> next() {
        int lane = next % LineageBench.LANES;
        int level = next++ / LineageBench.LANES;
        return Map.entry(ProvenanceGraphs.graphName(LineageBench.runId(lane, level)),
            ProvenanceGraphs.build(LineageBench.run(lane, level), null).getGraph());
      }
    };
    store.bulkLoad(graphs);
  }

  private static void report(String what, List<Long> before, List<Long> after) {
    System.out.printf("%s: before median %d (%s), after median %d (%s)%n",
        what, median(before), before, median(after), after);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
