package org.headwater.web.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.web.http.Request;
import org.headwater.web.http.WebApp;
import org.headwater.web.picture.LineagePicture;
import org.headwater.web.read.Rows;
import org.headwater.web.read.Runs;
import org.headwater.web.read.WebQuery;
import org.headwater.web.view.OutputFile;
import org.headwater.web.view.SourceFile;

/** Where a dataset page's store-thread CPU goes (a probe for bench/web, not a test). Args: STORE_DIR DEPTH N. */
public final class DatasetProbe {
  static final ThreadMXBean T = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int depth = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    Map<String, long[]> parts = new LinkedHashMap<>();
    Random random = new Random(7);
    try (TdbLineageStore store = LineageStore.open(Path.of(args[0]))) {
      for (int i = -10; i < n; i++) {
        String id = PagesBench.runId(random.nextInt(PagesBench.LANES), 1 + random.nextInt(depth));
        int rep = i;
        store.read(ds -> {
          long t = T.getCurrentThreadCpuTime();
          var row = Runs.row(ds, id).orElseThrow();
          t = part(parts, "run.rq", t, rep, n);
          Runs.summary(ds, id);
          t = part(parts, "run.rq again", t, rep, n);
          List<OutputFile> outputs = Runs.outputs(ds, id);
          List<SourceFile> sources = Runs.sources(ds, id);
          Runs.variables(ds, id);
          Rows.select(ds, WebQuery.RUN_PEOPLE, Map.of("run", NodeFactory.createURI(ProvIris.run(id))));
          t = part(parts, "outputs+sources+variables+people", t, rep, n);
          Graph union = LineageStore.unionGraph(ds);
          List<Node> targets = outputs.stream().map(o -> NodeFactory.createURI(ProvIris.file(o.sha256()))).toList();
          LineageGraph up = Lineage.walk(union, targets, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED);
          t = part(parts, "walk up", t, rep, n);
          LineageGraph down = Lineage.walk(union, targets, Lineage.Direction.DOWNSTREAM, Lineage.UNLIMITED);
          t = part(parts, "walk down", t, rep, n);
          String svg = LineagePicture.picture(union, List.of(up, down), "").svg();
          t = part(parts, "picture (boxes, layout, svg)", t, rep, n);
          for (SourceFile s : sources) {
            Rows.select(ds, WebQuery.SAME_URL_NEWER, Map.of("url", NodeFactory.createURI(s.url()),
                "sha256", NodeFactory.createLiteralString(s.sha256())));
          }
          t = part(parts, "stale (same-url-newer x sources)", t, rep, n);
          List<String> derived = new ArrayList<>();
          for (Node d : down.nodes()) {
            if (down.info().get(d).kind().equals("output")) {
              String r = Runs.generatedBy(union, d);
              if (r != null && !r.equals(id) && !derived.contains(r)) {
                derived.add(r);
                Runs.summary(ds, r);
              }
            }
          }
          part(parts, "derived runs' summaries", t, rep, n);
          return svg.length() + row.hashCode();
        });
      }
      WebApp app = new WebApp(store);
      Map<String, long[]> pages = new LinkedHashMap<>();
      for (int i = -10; i < n; i++) {
        String id = PagesBench.runId(random.nextInt(PagesBench.LANES), 1 + random.nextInt(depth));
        long c = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        long w = System.nanoTime();
        app.handle(Request.get("/dataset/" + id, Map.of()));
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() - c;
        if (i >= 0) {
          pages.computeIfAbsent("dataset page wall", k -> new long[n])[i] = System.nanoTime() - w;
          pages.computeIfAbsent("dataset page process CPU", k -> new long[n])[i] = cpu;
        }
      }
      for (int i = -10; i < n; i++) {
        long w = System.nanoTime();
        app.handle(Request.get("/", Map.of()));
        if (i >= 0) {
          pages.computeIfAbsent("index wall", k -> new long[n])[i] = System.nanoTime() - w;
        }
        w = System.nanoTime();
        store.read(Runs::all);
        if (i >= 0) {
          pages.computeIfAbsent("index: Runs.all wall", k -> new long[n])[i] = System.nanoTime() - w;
        }
        w = System.nanoTime();
        app.handle(Request.get("/", Map.of("q", "10.5072/lane-" + (Math.abs(i) % PagesBench.LANES))));
        if (i >= 0) {
          pages.computeIfAbsent("search DOI wall", k -> new long[n])[i] = System.nanoTime() - w;
        }
        w = System.nanoTime();
        app.handle(Request.get("/", Map.of("q", "Lane " + (Math.abs(i) % PagesBench.LANES) + " ensemble, level 3")));
        if (i >= 0) {
          pages.computeIfAbsent("search title wall", k -> new long[n])[i] = System.nanoTime() - w;
        }
      }
      print(parts);
      print(pages);
    }
  }

  static long part(Map<String, long[]> parts, String name, long since, int rep, int n) {
    long now = T.getCurrentThreadCpuTime();
    if (rep >= 0) {
      parts.computeIfAbsent(name, k -> new long[n])[rep] = now - since;
    }
    return T.getCurrentThreadCpuTime();
  }

  static void print(Map<String, long[]> parts) {
    parts.forEach((name, ns) -> {
      long[] s = ns.clone();
      Arrays.sort(s);
      System.out.printf("%-40s p50 %6.1f ms  p90 %6.1f ms%n", name, s[s.length / 2] / 1e6, s[s.length * 9 / 10] / 1e6);
    });
  }
}
