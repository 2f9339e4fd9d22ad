package org.headwater.provenance.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.headwater.ontologies.NamedQuery;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.provenance.store.LineageStore;

/**
 * Lineage-store benchmark (not a unit test; see bench/provenance/README.md). Generates runs in
 * lanes (chains hundreds deep; each run reads {@code SOURCES} fresh files from its lane's DOI plus
 * the previous run's output; every 50 levels a run also reads another lane's output: fan-in and
 * fan-out), builds and validates each run's PROV graph, loads it (one transaction per run), then
 * times the named upstream-roots and downstream-impact SPARQL queries and Headwater's iterative
 * walk for targets with about 1,000 ancestors / descendants. Writes a slice of about {@code
 * slice} triples containing those targets' lineage as N-Triples for the rdflib comparison.
 *
 * <p>Args: {@code WORKDIR TARGET_TRIPLES SLICE_TRIPLES REPS}.
 */
public final class LineageBench {
  static final int LANES = 20;
  static final int SOURCES = 20;
  static final int CROSS_EVERY = 50;

  private LineageBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long targetTriples = Long.parseLong(args[1]);
    long sliceTriples = Long.parseLong(args[2]);
    int reps = Integer.parseInt(args[3]);
    Files.createDirectories(work);
    long perRun = ProvenanceGraphs.build(run(0, 1), null).size();
    int depth = (int) Math.max(2, targetTriples / perRun / LANES);
    System.out.printf("runs: %d lanes x %d deep = %d runs, ~%d triples each%n", LANES, depth, LANES * depth, perRun);

    long buildNanos = 0;
    long loadNanos = 0;
    long triples = 0;
    try (LineageStore store = LineageStore.open(work.resolve("store"))) {
      for (int d = 0; d < depth; d++) {
        for (int l = 0; l < LANES; l++) {
          long t0 = System.nanoTime();
          Model m = ProvenanceGraphs.build(run(l, d), null);
          long t1 = System.nanoTime();
          store.load(runId(l, d), m);
          loadNanos += System.nanoTime() - t1;
          buildNanos += t1 - t0;
          triples += m.size();
        }
        if (d % 50 == 0) {
          System.out.printf("  depth %d: %,d triples, load %.0f triples/s%n", d, triples, triples / (loadNanos / 1e9));
        }
      }
      System.out.printf("LOADED %,d triples in %d runs: load %.1f s (%.0f triples/s, one transaction per run);"
          + " build+validate %.1f s%n", triples, LANES * depth, loadNanos / 1e9, triples / (loadNanos / 1e9), buildNanos / 1e9);

      Node up = pick(store, Lineage.Direction.UPSTREAM, depth);
      Node down = pickDown(store, depth);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("upTarget", up.getURI());
      report.put("downTarget", down.getURI());
      time(report, "jena-sparql source-roots", reps, () -> select(store, NamedQuery.SOURCE_ROOTS, up));
      time(report, "jena-sparql downstream-impact", reps, () -> select(store, NamedQuery.DOWNSTREAM_IMPACT, down));
      time(report, "headwater-walk upstream", reps, () -> walk(store, up, Lineage.Direction.UPSTREAM));
      time(report, "headwater-walk downstream", reps, () -> walk(store, down, Lineage.Direction.DOWNSTREAM));
      writeSlice(store, work.resolve("slice.nt"), sliceTriples, up, down);
      Files.writeString(work.resolve("targets.txt"), up.getURI() + "\n" + down.getURI() + "\n");
    }
  }

  static String runId(int lane, int depth) {
    return "bench-" + lane + "-" + depth;
  }

  static String outSha(int lane, int depth) {
    return Fixtures.sha("out " + lane + " " + depth);
  }

  static RunRecord run(int lane, int depth) {
    List<InputRecord> inputs = new ArrayList<>();
    String doi = "10.5555/bench.lane" + lane;
    for (int i = 0; i < SOURCES; i++) {
      inputs.add(Fixtures.input("https://archive.example.org/lane" + lane + "/d" + depth + "/m" + i + ".nc",
          Fixtures.sha("src " + lane + " " + depth + " " + i), doi, null, Map.of("member", "" + i)));
    }
    if (depth > 0) {
      inputs.add(Fixtures.input("file:///work/" + runId(lane, depth - 1) + ".nc", outSha(lane, depth - 1), null, null, Map.of()));
      if (depth % CROSS_EVERY == 0) {
        int other = (lane + 1) % LANES;
        inputs.add(Fixtures.input("file:///work/" + runId(other, depth - 1) + ".nc", outSha(other, depth - 1), null, null, Map.of()));
      }
    }
    List<VariableRecord> vars = new ArrayList<>();
    for (String v : List.of("speed", "thickness")) {
      vars.add(new VariableRecord(v, "float32", List.of("member", "time", "y", "x"), "m", null, "NaN", List.of(v), List.of(0)));
    }
    Instant start = Fixtures.T0.plusSeconds(3600L * depth);
    return new RunRecord(runId(lane, depth), RunRecord.SUCCEEDED, Fixtures.recipe("bench-lane" + lane), start,
        start.plusSeconds(600), Fixtures.SOFTWARE, inputs, List.of(),
        List.of(new StepRecord(0, "rename", Map.of("speed", "speed"), Map.of(), List.of("speed"))),
        List.of(new OutputRecord("out", "outputs/out.nc", "netcdf3", outSha(lane, depth), 1000, vars, null)), null);
  }

  /** The lane-0 output whose upstream walk is closest to 1,000 nodes. */
  private static Node pick(LineageStore store, Lineage.Direction dir, int depth) {
    Node best = null;
    int bestDiff = Integer.MAX_VALUE;
    for (int d = 1; d < depth; d = d < 10 ? d + 1 : d + Math.max(1, d / 10)) {
      Node n = NodeFactory.createURI(ProvIris.file(outSha(0, d)));
      int size = walk(store, n, dir);
      if (Math.abs(size - 1000) < bestDiff) {
        bestDiff = Math.abs(size - 1000);
        best = n;
      }
      if (size > 2000) {
        break;
      }
    }
    return best;
  }

  /** A lane-0 source file (read at some depth) whose downstream impact is closest to 1,000 nodes. */
  private static Node pickDown(LineageStore store, int depth) {
    Node best = null;
    int bestDiff = Integer.MAX_VALUE;
    for (int d = depth - 1; d >= 0; d -= Math.max(1, depth / 40)) {
      Node n = NodeFactory.createURI(ProvIris.file(Fixtures.sha("src 0 " + d + " 0")));
      int size = walk(store, n, Lineage.Direction.DOWNSTREAM);
      if (Math.abs(size - 1000) < bestDiff) {
        bestDiff = Math.abs(size - 1000);
        best = n;
      }
    }
    return best;
  }

  private static int walk(LineageStore store, Node n, Lineage.Direction dir) {
    LineageGraph g = store.read(ds -> Lineage.walk(LineageStore.unionGraph(ds), List.of(n), dir, Lineage.UNLIMITED));
    return g.nodes().size();
  }

  private static int select(LineageStore store, NamedQuery q, Node target) {
    return store.read(ds -> {
      int[] n = {0};
      try (QueryExecution qe = QueryExecution.dataset(ds).query(q.query())
          .substitution("target", ds.getDefaultModel().asRDFNode(target)).build()) {
        qe.execSelect().forEachRemaining(r -> n[0]++);
      }
      return n[0];
    });
  }

  private static void time(Map<String, Object> report, String name, int reps, Supplier<Integer> task) {
    int size = 0;
    for (int i = 0; i < Math.min(20, reps); i++) {
      size = task.get(); // warm-up
    }
    long[] t = new long[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      task.get();
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    System.out.printf("QUERY %-32s results %5d  p50 %7.2f ms  p99 %7.2f ms  (n=%d)%n",
        name, size, t[reps / 2] / 1e6, t[(int) Math.min(reps - 1, Math.ceil(reps * 0.99) - 1)] / 1e6, reps);
    report.put(name, size);
  }

  /** Graphs of every run on the targets' lineage, then others, until about {@code limit} triples. */
  private static void writeSlice(LineageStore store, Path file, long limit, Node up, Node down) throws Exception {
    Set<String> runs = new HashSet<>();
    store.read(ds -> {
      var g = LineageStore.unionGraph(ds);
      for (var pair : List.of(List.of(up, Lineage.Direction.UPSTREAM), List.of(down, Lineage.Direction.DOWNSTREAM))) {
        LineageGraph lg = Lineage.walk(g, List.of((Node) pair.get(0)), (Lineage.Direction) pair.get(1), Lineage.UNLIMITED);
        for (Node n : lg.nodes()) {
          g.find(n, PROV.wasGeneratedBy.asNode(), Node.ANY).forEachRemaining(t -> runs.add(t.getObject().getURI()));
          g.find(Node.ANY, PROV.used.asNode(), n).forEachRemaining(t -> runs.add(t.getSubject().getURI()));
        }
      }
      return null;
    });
    List<String> order = new ArrayList<>(runs);
    store.graphNames().stream().filter(n -> !runs.contains(n)).forEach(order::add);
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (String name : order) {
        if (written >= limit && !runs.contains(name)) {
          break;
        }
        var graph = store.read(ds -> copy(ds.asDatasetGraph().getGraph(NodeFactory.createURI(name))));
        RDFDataMgr.write(out, graph, Lang.NTRIPLES);
        written += graph.size();
      }
    }
    System.out.printf("SLICE %,d triples (%d lineage runs + filler) -> %s%n", written, runs.size(), file);
  }

  private static org.apache.jena.graph.Graph copy(org.apache.jena.graph.Graph g) {
    var c = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    g.find().forEachRemaining(c::add);
    return c;
  }
}
