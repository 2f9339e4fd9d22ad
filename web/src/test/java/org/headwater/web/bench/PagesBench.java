package org.headwater.web.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.graph.Graph;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SkippedInput;
import org.headwater.provenance.record.SoftwareInfo;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.web.http.Request;
import org.headwater.web.http.Response;
import org.headwater.web.http.WebApp;

/**
 * Page render times on a large store (not a unit test; see bench/web/README.md). Generates runs in
 * {@value #LANES} lanes: each run reads {@value #MEMBERS} ensemble members of its lane's DOI plus the
 * previous run's output, skips one file, and writes a NetCDF and a Zarr output with variables;
 * bulk-loads them (TDB2 phased loader) until the store holds TARGET_TRIPLES, then renders the
 * index, dataset, run and source pages of runs picked at random, in-process ({@link WebApp}, the
 * function behind the servlet filter: no HTTP), and prints p50/p90 per page.
 *
 * <p>Args: {@code WORKDIR TARGET_TRIPLES REPS}. Dataset pages are rendered for runs picked at random
 * (first view) and for one run again and again (warm store caches): both are reported. Pictures are
 * drawn in Java and never cached, so both include drawing.
 */
public final class PagesBench {
  static final int LANES = 20;
  static final int MEMBERS = 20;
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final SoftwareInfo SOFTWARE = new SoftwareInfo("0.1.0", "17.0.15", "2.70.0", "4.5.5", "DirectRunner");

  /**
   * The process's CPU time (all threads: the store is read on its own thread; Graphviz was a child
   * process and not counted): on a shared, loaded machine wall time also measures the neighbours.
   */
  static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private PagesBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long target = Long.parseLong(args[1]);
    int reps = Integer.parseInt(args[2]);
    Files.createDirectories(work);
    long perRun = ProvenanceGraphs.buildUnvalidated(run(0, 1), work).size();
    int depth = (int) Math.max(2, target / perRun / LANES);
    int runs = depth * LANES;
    System.out.printf("store: %d lanes x %d runs = %d runs, %d triples each%n", LANES, depth, runs, perRun);
    try (TdbLineageStore store = LineageStore.open(work.resolve("store"))) {
      if (store.graphNames().isEmpty()) {
        long t = System.nanoTime();
        long quads = store.bulkLoad(graphs(depth, work));
        System.out.printf("bulk-loaded %d quads in %.1f s%n", quads, (System.nanoTime() - t) / 1e9);
      }
      WebApp app = new WebApp(store);
      Random random = new Random(42);
      time("index", reps, i -> app.handle(Request.get("/", Map.of())));
      time("dataset (first view)", Math.min(reps, 50),
          i -> app.handle(Request.get("/dataset/" + runId(random.nextInt(LANES), 1 + random.nextInt(depth)), Map.of())));
      String hot = runId(3, depth / 2);
      app.handle(Request.get("/dataset/" + hot, Map.of()));
      time("dataset (same run again)", reps, i -> app.handle(Request.get("/dataset/" + hot, Map.of())));
      time("run", reps,
          i -> app.handle(Request.get("/run/" + runId(random.nextInt(LANES), 1 + random.nextInt(depth)), Map.of())));
      time("source", reps,
          i -> app.handle(Request.get("/source/" + member(random.nextInt(LANES), 1 + random.nextInt(depth),
              random.nextInt(MEMBERS)), Map.of())));
      time("search (DOI)", Math.min(reps, 20), i -> app.handle(Request.get("/", Map.of("q", "10.5072/lane-" + (i % LANES)))));
    }
  }

  interface Page {
    Response get(int i);
  }

  static void time(String name, int reps, Page page) {
    for (int i = 0; i < Math.min(5, reps); i++) {
      check(page.get(i), name); // warm up
    }
    long[] ms = new long[reps];
    long[] cpu = new long[reps];
    for (int i = 0; i < reps; i++) {
      long c = CPU.getProcessCpuTime();
      long t = System.nanoTime();
      check(page.get(i), name);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      cpu[i] = (CPU.getProcessCpuTime() - c) / 1_000_000;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    int p90 = (int) Math.min(reps - 1, Math.round(reps * 0.9));
    System.out.printf("%-38s n=%4d  wall p50 %5d ms  p90 %5d ms  max %5d ms | process CPU p50 %5d ms  p90 %5d ms%n",
        name, reps, ms[reps / 2], ms[p90], ms[reps - 1], cpu[reps / 2], cpu[p90]);
  }

  static void check(Response r, String name) {
    if (r.status() != 200) {
      throw new IllegalStateException(name + ": HTTP " + r.status() + "\n" + r.text());
    }
  }

  static Iterator<Map.Entry<String, Graph>> graphs(int depth, Path work) {
    return new Iterator<>() {
      int next = 0;

      @Override
      public boolean hasNext() {
        return next < depth * LANES;
      }

      @Override
      public Map.Entry<String, Graph> next() {
        int lane = next % LANES;
        int level = 1 + next / LANES;
        next++;
        RunRecord r = run(lane, level);
        return new AbstractMap.SimpleEntry<>(ProvenanceGraphs.graphName(r.runId()),
            ProvenanceGraphs.buildUnvalidated(r, work.resolve("runs/" + r.runId())).getGraph());
      }
    };
  }

  static String runId(int lane, int level) {
    return "bench-lane" + lane + "-" + level;
  }

  static String sha(String seed) {
    return Checksums.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  static String member(int lane, int level, int m) {
    return sha("member " + lane + " " + level + " " + m);
  }

  static String output(int lane, int level) {
    return sha("output " + lane + " " + level);
  }

  /** Run {@code level} of {@code lane}: fresh members of the lane's DOI and the previous run's output. */
  static RunRecord run(int lane, int level) {
    String doi = "https://doi.org/10.5072/lane-" + lane;
    Instant start = T0.plusSeconds(3600L * level + lane);
    List<InputRecord> inputs = new ArrayList<>();
    for (int m = 0; m < MEMBERS; m++) {
      inputs.add(new InputRecord("https://data.example.org/lane" + lane + "/" + level + "/m" + m + ".nc", doi,
          member(lane, level, m), 81116, start.plusSeconds(1), "\"e" + m + "\"", null, "netcdf",
          Map.of("member", Integer.toString(m)), false));
    }
    if (level > 1) {
      inputs.add(new InputRecord("file:/work/runs/" + runId(lane, level - 1) + "/outputs/speed.nc", doi,
          output(lane, level - 1), 32840, start.plusSeconds(2), null, null, "netcdf", Map.of(), false));
    }
    List<VariableRecord> vars = List.of(
        new VariableRecord("speed", "float32", List.of("member", "y", "x"), "m s-1", "surface speed", "NaN",
            List.of("velsurf_mag"), List.of(1, 2)),
        new VariableRecord("x", "float64", List.of("x"), "m", "projection_x_coordinate", null, List.of("x"), List.of()),
        new VariableRecord("y", "float64", List.of("y"), "m", "projection_y_coordinate", null, List.of("y"), List.of()));
    RecipeInfo recipe = new RecipeInfo("lane-" + lane, sha("recipe " + lane), "recipe.yaml",
        "Lane " + lane + " ensemble, level " + level, "A synthetic run.", "CC-BY-4.0",
        List.of(new Creator("Josiah Carberry", "https://orcid.org/0000-0002-1825-0097", null, null)),
        List.of("bench"), List.of());
    return new RunRecord(runId(lane, level), RunRecord.SUCCEEDED, recipe, start, start.plusSeconds(300), SOFTWARE,
        inputs, List.of(new SkippedInput("https://data.example.org/lane" + lane + "/" + level + "/m99.nc",
            Map.of("member", "99"), "HTTP 404")),
        List.of(new StepRecord(1, "rename", Map.of("variables", Map.of("velsurf_mag", "speed")), Map.of(),
                List.of("speed")),
            new StepRecord(2, "convert_units", Map.of("variable", "speed", "to", "m s-1"), Map.of(), List.of("speed"))),
        List.of(new OutputRecord("speed-nc", "outputs/speed.nc", "netcdf3", output(lane, level), 32840, vars, null),
            new OutputRecord("speed", "outputs/speed.zarr", "zarr", sha("zarr " + lane + " " + level), 38510, vars,
                null)),
        null);
  }
}
