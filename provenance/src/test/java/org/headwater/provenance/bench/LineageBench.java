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
import org.apache.jena.graph.impl.WrappedGraph;
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
import org.headwater.provenance.lineage.DownstreamImpact;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.lineage.SourceRoots;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.StoreQueries;

/**
 * Lineage-store benchmark (not a unit test; see bench/provenance/README.md). Generates runs in
 * lanes (chains hundreds deep; each run reads {@code SOURCES} fresh files from its lane's DOI plus
 * the previous run's output; every 50 levels a run also reads another lane's output: fan-in and
 * fan-out), builds and validates each run's PROV graph, bulk-loads all but the last levels (TDB2
 * phased loader) and loads those one transaction per run (as {@code headwater run} does), then
 * times the named upstream-roots and downstream-impact SPARQL queries, the {@link SourceRoots} and
 * {@link DownstreamImpact} walks behind {@code StoreQueries} (the latter also on {@code Graph.find},
 * as it ran before its node-id walk), and Headwater's iterative lineage walk for targets with about 1,000 ancestors / descendants. Writes a slice of about {@code
 * slice} triples containing those targets' lineage as N-Triples for the rdflib comparison.
 *
 * <p>Args: {@code WORKDIR TARGET_TRIPLES SLICE_TRIPLES REPS}; {@code -Dbench.perRunLevels=N} (default
 * 10) sets how many of the deepest levels load one transaction per run; {@code -Dbench.reuse=true}
 * only times the queries again on the store and targets an earlier run left in {@code WORKDIR}.
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

    // The last PER_RUN levels go in the way `headwater run` loads them (one durable transaction per
    // run, onto the full store); everything before them through the TDB2 bulk loader.
    int perRunLevels = Math.min(depth, Integer.parseInt(System.getProperty("bench.perRunLevels", "10")));
    int bulkLevels = depth - perRunLevels;
    long[] buildNanos = {0};
    long triples = 0;
    boolean reuse = Boolean.getBoolean("bench.reuse") && Files.exists(work.resolve("targets.txt"));
    try (TdbLineageStore store = LineageStore.open(work.resolve("store"))) {
      if (reuse) { // time the queries again on the store and targets of an earlier run
        List<String> targets = Files.readAllLines(work.resolve("targets.txt"));
        queries(store, NodeFactory.createURI(targets.get(0)), NodeFactory.createURI(targets.get(1)), reps);
        return;
      }
      long t0 = System.nanoTime();
      long bulk = store.bulkLoad(new java.util.Iterator<Map.Entry<String, org.apache.jena.graph.Graph>>() {
        int next = 0;

        @Override
        public boolean hasNext() {
          return next < bulkLevels * LANES;
        }

        @Override
        public Map.Entry<String, org.apache.jena.graph.Graph> next() {
          int l = next % LANES;
          int d = next++ / LANES;
          long b0 = System.nanoTime();
          Model m = ProvenanceGraphs.build(run(l, d), null);
          buildNanos[0] += System.nanoTime() - b0;
          return Map.entry(ProvenanceGraphs.graphName(runId(l, d)), m.getGraph());
        }
      });
      double bulkSecs = (System.nanoTime() - t0 - buildNanos[0]) / 1e9;
      triples += bulk;
      System.out.printf("LOADED-BULK %,d triples in %d runs (TDB2 phased bulk loader, one transaction): %.1f s"
          + " excluding graph build -> %.0f triples/s; build+validate %.1f s%n",
          bulk, bulkLevels * LANES, bulkSecs, bulk / bulkSecs, buildNanos[0] / 1e9);

      long loadNanos = 0;
      long perRunTriples = 0;
      for (int d = bulkLevels; d < depth; d++) {
        for (int l = 0; l < LANES; l++) {
          Model m = ProvenanceGraphs.build(run(l, d), null);
          long t1 = System.nanoTime();
          store.load(runId(l, d), m);
          loadNanos += System.nanoTime() - t1;
          perRunTriples += m.size();
        }
      }
      triples += perRunTriples;
      System.out.printf("LOADED-PER-RUN %,d triples in %d runs (LineageStore.load, one durable transaction per run,"
          + " onto the bulk-loaded store): %.1f s -> %.0f triples/s, %.1f ms per run%n",
          perRunTriples, perRunLevels * LANES, loadNanos / 1e9, perRunTriples / (loadNanos / 1e9),
          loadNanos / 1e6 / Math.max(1, perRunLevels * LANES));
      System.out.printf("STORE %,d triples, %d runs (%d lanes x %d deep)%n", triples, LANES * depth, LANES, depth);

      Node up = pick(store, Lineage.Direction.UPSTREAM, depth);
      Node down = pickDown(store, depth);
      queries(store, up, down, reps);
      writeSlice(store, work.resolve("slice.nt"), sliceTriples, up, down);
      Files.writeString(work.resolve("targets.txt"), up.getURI() + "\n" + down.getURI() + "\n");
    }
  }

  private static void queries(LineageStore store, Node up, Node down, int reps) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("upTarget", up.getURI());
      report.put("downTarget", down.getURI());
      time(report, "jena-sparql source-roots", reps, () -> select(store, NamedQuery.SOURCE_ROOTS, up));
      time(report, "headwater SourceRoots walk", reps, () -> roots(store, up).size());
      time(report, "StoreQueries source-roots.rq", reps, () -> (int) StoreQueries.run(store,
          NamedQuery.SOURCE_ROOTS.query(), Map.of("target", up), StoreQueries.Format.CSV, OutputStream.nullOutputStream()));
      System.out.printf("SAME-ROOTS walk == SPARQL: %s%n", roots(store, up).equals(selectRows(store, NamedQuery.SOURCE_ROOTS, up)));
      time(report, "jena-sparql downstream-impact", reps, () -> select(store, NamedQuery.DOWNSTREAM_IMPACT, down));
      time(report, "headwater DownstreamImpact walk", reps, () -> impact(store, down).size());
      time(report, "DownstreamImpact on Graph.find", reps, () -> impactOnGraphFind(store, down).size());
      time(report, "StoreQueries downstream-impact.rq", reps, () -> (int) StoreQueries.run(store,
          NamedQuery.DOWNSTREAM_IMPACT.query(), Map.of("target", down), StoreQueries.Format.CSV, OutputStream.nullOutputStream()));
      System.out.printf("SAME-IMPACT walk == SPARQL (as sets): %s, node-id walk == Graph.find walk: %s%n",
          new HashSet<>(impact(store, down)).equals(new HashSet<>(selectImpact(store, down))),
          new HashSet<>(impact(store, down)).equals(new HashSet<>(impactOnGraphFind(store, down))));
      time(report, "headwater-walk upstream", reps, () -> walk(store, up, Lineage.Direction.UPSTREAM));
      time(report, "headwater-walk downstream", reps, () -> walk(store, down, Lineage.Direction.DOWNSTREAM));
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
      vars.add(new VariableRecord(v, "float32", List.of("member", "time", "y", "x"), "m", null, "NaN", List.of(v), List.of(1)));
    }
    Instant start = Fixtures.T0.plusSeconds(3600L * depth);
    return new RunRecord(runId(lane, depth), RunRecord.SUCCEEDED, Fixtures.recipe("bench-lane" + lane), start,
        start.plusSeconds(600), Fixtures.SOFTWARE, inputs, List.of(),
        List.of(new StepRecord(1, "rename", Map.of("speed", "speed"), Map.of(), List.of("speed"))),
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

  private static List<SourceRoots.Root> roots(LineageStore store, Node target) {
    return store.read(ds -> SourceRoots.of(LineageStore.unionGraph(ds), target).orElseThrow());
  }

  private static List<DownstreamImpact.Derived> impact(LineageStore store, Node target) {
    return store.read(ds -> DownstreamImpact.of(LineageStore.unionGraph(ds), target).orElseThrow());
  }

  /** The same walk on {@code Graph.find} (the wrapper hides the TDB2 union graph from the node-id path). */
  private static List<DownstreamImpact.Derived> impactOnGraphFind(LineageStore store, Node target) {
    return store.read(ds -> DownstreamImpact.of(new WrappedGraph(LineageStore.unionGraph(ds)), target).orElseThrow());
  }

  private static List<DownstreamImpact.Derived> selectImpact(LineageStore store, Node target) {
    return store.read(ds -> {
      List<DownstreamImpact.Derived> rows = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.dataset(ds).query(NamedQuery.DOWNSTREAM_IMPACT.query())
          .substitution("target", ds.getDefaultModel().asRDFNode(target)).build()) {
        qe.execSelect().forEachRemaining(r -> rows.add(new DownstreamImpact.Derived(r.get("derived").asNode(),
            r.contains("sha256") ? r.get("sha256").asNode() : null,
            r.contains("activity") ? r.get("activity").asNode() : null)));
      }
      return rows;
    });
  }

  private static List<SourceRoots.Root> selectRows(LineageStore store, NamedQuery q, Node target) {
    return store.read(ds -> {
      List<SourceRoots.Root> rows = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.dataset(ds).query(q.query())
          .substitution("target", ds.getDefaultModel().asRDFNode(target)).build()) {
        qe.execSelect().forEachRemaining(r -> rows.add(
            new SourceRoots.Root(r.get("root").asNode(), r.contains("label") ? r.get("label").asNode() : null)));
      }
      return rows;
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
