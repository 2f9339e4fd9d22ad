package org.headwater.web.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.headwater.provenance.graph.ProvIris;
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

  /** A URL typed in full: a scheme Headwater reads from or records, and no spaces or quotes. */
  private static final Pattern URL = Pattern.compile("(?i)(https?|s3|gs|ftp|file|urn):[^\\s<>\"{}|\\\\^`]+");

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
    for (Rows.Row r : rows(ds, text)) {
      Node entity = r.node("entity");
      String href = switch (r.text("kind")) {
        case "run" -> "failed".equals(r.text("status")) ? Links.run(r.text("match")) : Links.dataset(r.text("match"));
        case "source" -> Links.source(sha(entity));
        case "published" -> publishedHref(union, entity);
        default -> link(Runs.generatedBy(union, entity));
      };
      String kind = "run".equals(r.text("kind")) && "failed".equals(r.text("status")) ? "failed run" : r.text("kind");
      hits.add(new Hit(kind, r.text("label"), href, r.text("match")));
    }
    return new ArrayList<>(hits);
  }

  /**
   * The rows of {@code search.rq}. A DOI, URL or SHA-256 typed in full is first looked up as
   * itself ({@code search-exact.rq}: a few index lookups, where the substring search scans every
   * title, path, URL and checksum in the store); only when that finds nothing, or for any other
   * text, are all values searched for the text. The exact rows are rows the substring search gives
   * too; what they leave out are longer values that merely contain the one typed (the DOI
   * {@code 10.5072/lane-1} is not {@code 10.5072/lane-12}).
   */
  static List<Rows.Row> rows(Dataset ds, String text) {
    Node q = NodeFactory.createLiteralString(text);
    Optional<Node> iri = exactIri(text);
    if (iri.isPresent()) {
      String lit = ProvIris.isSha256(text) ? text.toLowerCase(Locale.ROOT) : text;
      List<Rows.Row> exact = Rows.select(ds, WebQuery.SEARCH_EXACT,
          Map.of("q", q, "iri", iri.get(), "lit", NodeFactory.createLiteralString(lit)));
      if (!exact.isEmpty()) {
        return exact;
      }
    }
    return Rows.select(ds, WebQuery.SEARCH, Map.of("q", q));
  }

  /** The IRI a DOI, URL or SHA-256 names (its file), or empty for other text. */
  static Optional<Node> exactIri(String text) {
    if (ProvIris.isSha256(text)) {
      return Optional.of(NodeFactory.createURI(ProvIris.file(text)));
    }
    Optional<String> doi = ProvIris.doi(text);
    if (doi.isPresent()) {
      return Optional.of(NodeFactory.createURI(doi.get()));
    }
    return URL.matcher(text).matches() ? Optional.of(NodeFactory.createURI(text)) : Optional.empty();
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
