package org.headwater.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.picture.LineagePicture;
import org.headwater.web.read.Rows;
import org.headwater.web.read.Runs;
import org.headwater.web.read.WebQuery;
import org.headwater.web.view.DatasetView;
import org.headwater.web.view.OutputFile;
import org.headwater.web.view.RunSummary;
import org.headwater.web.view.SourceFile;
import org.headwater.web.view.SourceGroup;

/** Builds the dataset page: what one run made, how to cite it, where it came from and went. */
public final class DatasetPage {

  private DatasetPage() {}

  /**
   * The dataset run {@code id} made; empty when the store does not hold the run, or the run failed
   * (it made none: {@link RunPage} shows it).
   */
  public static Optional<DatasetView> of(LineageStore store, String id) {
    record Found(DatasetView view, String svg) {}
    Optional<Found> found = store.read(ds -> Runs.row(ds, id).filter(row -> !Runs.summary(row, id).failed())
        .map(row -> {
      RunSummary summary = Runs.summary(row, id);
      List<OutputFile> outputs = Runs.outputs(ds, id);
      List<SourceFile> sources = Runs.sources(ds, id);
      Graph union = LineageStore.unionGraph(ds);
      List<Node> targets = outputs.stream().filter(o -> o.sha256() != null)
          .map(o -> NodeFactory.createURI(ProvIris.file(o.sha256()))).toList();
      LineageGraph up = Lineage.walk(union, targets, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED);
      LineageGraph down = Lineage.walk(union, targets, Lineage.Direction.DOWNSTREAM, Lineage.UNLIMITED);
      String svg = targets.isEmpty() ? null : LineagePicture.picture(union, List.of(up, down), "").svg();
      List<String> stale = new ArrayList<>(StaleWarnings.recorded(ds, sources));
      DatasetView view = new DatasetView(summary, row.text("description"), row.text("license"),
          Citations.of(summary, people(ds, id), row.text("license"), row.text("description")), outputs,
          Runs.variables(ds, id), groups(sources), null, null, stale, derived(ds, union, down, id));
      return new Found(view, svg);
    }));
    return found.map(f -> withPicture(f.view(), f.svg()));
  }

  private static DatasetView withPicture(DatasetView v, String svg) {
    String note = svg == null ? "this run recorded no outputs" : null;
    List<String> stale = new ArrayList<>(v.stale());
    for (SourceGroup g : v.sourceGroups()) {
      stale.addAll(StaleWarnings.files(g.files()));
    }
    return new DatasetView(v.summary(), v.description(), v.license(), v.citations(), v.outputs(), v.variables(),
        v.sourceGroups(), svg, note, stale, v.derived());
  }

  private static List<String> people(Dataset ds, String id) {
    return Rows.select(ds, WebQuery.RUN_PEOPLE, Map.of("run", NodeFactory.createURI(ProvIris.run(id)))).stream()
        .map(r -> r.text("name")).toList();
  }

  private static List<SourceGroup> groups(List<SourceFile> sources) {
    Map<String, List<SourceFile>> byTruth = new LinkedHashMap<>();
    for (SourceFile s : sources) {
      byTruth.computeIfAbsent(s.truth() == null ? "" : s.truth(), k -> new ArrayList<>()).add(s);
    }
    List<SourceGroup> groups = new ArrayList<>();
    byTruth.forEach((truth, files) -> groups.add(new SourceGroup(truth.isEmpty() ? null : truth, files)));
    return groups;
  }

  private static List<RunSummary> derived(Dataset ds, Graph union, LineageGraph down, String id) {
    Set<String> runIds = new LinkedHashSet<>();
    for (Node n : down.nodes()) {
      if (down.info().get(n).kind().equals("output")) {
        String run = Runs.generatedBy(union, n);
        if (run != null && !run.equals(id)) {
          runIds.add(run);
        }
      }
    }
    return runIds.stream().map(r -> Runs.summary(ds, r)).flatMap(Optional::stream).toList();
  }
}
