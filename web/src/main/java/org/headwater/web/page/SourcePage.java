package org.headwater.web.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.read.Rows;
import org.headwater.web.read.Runs;
import org.headwater.web.read.WebQuery;
import org.headwater.web.view.RunSummary;
import org.headwater.web.view.SourceView;

/**
 * Builds the source page: a file a run used, where it came from, every dataset made from it, and
 * the runs that read it and failed (they made no dataset).
 */
public final class SourcePage {
  private SourcePage() {}

  /** The file with SHA-256 {@code sha256}; empty when it is no run's source. */
  public static Optional<SourceView> of(LineageStore store, String sha256) {
    if (!ProvIris.isSha256(sha256)) {
      return Optional.empty();
    }
    Node file = NodeFactory.createURI(ProvIris.file(sha256));
    return store.read(ds -> {
      List<Rows.Row> rows = Rows.select(ds, WebQuery.SOURCE, Map.of("source", file));
      List<Rows.Row> users = Rows.select(ds, WebQuery.SOURCE_USERS, Map.of("source", file));
      if (rows.isEmpty() && users.isEmpty()) {
        return Optional.empty();
      }
      Set<String> urls = new LinkedHashSet<>();
      Set<String> truths = new LinkedHashSet<>();
      String key = null;
      Long size = null;
      String format = null;
      for (Rows.Row r : rows) {
        add(urls, r.text("url"));
        add(truths, r.text("truth"));
        key = key != null ? key : r.text("key");
        size = size != null ? size : r.number("size");
        format = format != null ? format : r.text("format");
      }
      List<RunSummary> usedBy = new ArrayList<>();
      List<RunSummary> failedRuns = new ArrayList<>();
      for (Rows.Row r : users) {
        Runs.summary(ds, r.text("id")).ifPresent(run -> (run.failed() ? failedRuns : usedBy).add(run));
      }
      String maker = Runs.generatedBy(LineageStore.unionGraph(ds), file);
      RunSummary madeBy = maker == null ? null : Runs.summary(ds, maker).orElse(null);
      return Optional.of(new SourceView(sha256, List.copyOf(urls), List.copyOf(truths), key, size, format, madeBy,
          usedBy, failedRuns));
    });
  }

  private static void add(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }
}
