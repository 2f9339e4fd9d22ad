package org.headwater.web.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.read.Rows;
import org.headwater.web.read.Runs;
import org.headwater.web.read.WebQuery;
import org.headwater.web.view.Hit;
import org.headwater.web.view.Links;
import org.headwater.web.view.RunSummary;

/** The index: every run (newest first) and, given a query, what matches it. */
public final class SearchPage {
  /** Queries shorter than this match too much to be useful. */
  static final int MIN_QUERY = 2;

  private SearchPage() {}

  /** The index's runs. */
  public static List<RunSummary> runs(LineageStore store) {
    return store.read(Runs::all);
  }

  /**
   * What {@code q} matches: part of a title, an identifier (run id, DOI, PID), a URL or a checksum.
   * A {@code doi:} or {@code https://doi.org/} prefix is ignored.
   */
  public static List<Hit> search(LineageStore store, String q) {
    String text = q == null ? "" : q.strip().replaceFirst("(?i)^(doi:|https?://(dx\\.)?doi\\.org/)", "")
        .replaceFirst("(?i)^sha256:", "");
    if (text.length() < MIN_QUERY) {
      return List.of();
    }
    return store.read(ds -> hits(ds, text));
  }

  private static List<Hit> hits(Dataset ds, String text) {
    Graph union = LineageStore.unionGraph(ds);
    Set<Hit> hits = new LinkedHashSet<>();
    for (Rows.Row r : Rows.select(ds, WebQuery.SEARCH, Map.of("q", NodeFactory.createLiteralString(text)))) {
      Node entity = r.node("entity");
      String href = switch (r.text("kind")) {
        case "run" -> Links.dataset(r.text("match"));
        case "source" -> Links.source(sha(entity));
        case "published" -> publishedHref(union, entity);
        default -> link(Runs.generatedBy(union, entity));
      };
      hits.add(new Hit(r.text("kind"), r.text("label"), href, r.text("match")));
    }
    return new ArrayList<>(hits);
  }

  private static String publishedHref(Graph union, Node doi) {
    var it = union.find(doi, org.headwater.ontologies.PROV.wasDerivedFrom.asNode(), Node.ANY);
    while (it.hasNext()) {
      String run = Runs.generatedBy(union, it.next().getObject());
      if (run != null) {
        return Links.dataset(run);
      }
    }
    return null;
  }

  private static String link(String runId) {
    return runId == null ? null : Links.dataset(runId);
  }

  private static String sha(Node file) {
    String iri = file.getURI();
    return iri.substring(iri.lastIndexOf('/') + 1);
  }
}
