package org.headwater.provenance.store;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.update.UpdateFactory;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.ReadOnlyException;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.lineage.DownstreamImpact;
import org.headwater.provenance.lineage.SourceRoots;

/**
 * The {@code headwater query} facade: runs a SPARQL query (never an update) over the union of all
 * graphs in the store and prints the result. Queries go through {@link LineageStore#query}: a
 * remote store sends them, parameters bound, to its endpoint's SPARQL query service.
 *
 * <p>On the embedded store the shipped {@code source-roots.rq} and {@code downstream-impact.rq}
 * with only {@code ?target} bound are answered by {@link SourceRoots} and {@link
 * DownstreamImpact}, iterative walks that give the same rows several times faster than Jena's
 * evaluation of their property paths (falling back to SPARQL beyond their node limit). A remote
 * store sends them as SPARQL too: only the result rows travel, where a walk would first need the
 * target's whole upstream or downstream subgraph (every triple of every node) fetched; the query
 * is the definition the walks are tested against. Every other query, including edited copies of
 * the shipped ones, runs as SPARQL.
 */
public final class StoreQueries {
  /** Result formats for SELECT and ASK; CONSTRUCT and DESCRIBE always print Turtle. */
  public enum Format {
    TABLE,
    CSV,
    JSON;

    /** Parses {@code table|csv|json}, ignoring case. */
    public static Format parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("format must be table, csv or json: " + s, e);
      }
    }
  }

  private StoreQueries() {}

  /**
   * Parses {@code sparql} as a query.
   *
   * @throws ReadOnlyException when it is a SPARQL update
   * @throws ProvenanceException naming line and column when it does not parse
   */
  public static Query parse(String sparql) {
    try {
      return QueryFactory.create(sparql);
    } catch (QueryParseException e) {
      if (isUpdate(sparql)) {
        throw new ReadOnlyException();
      }
      throw new ProvenanceException("SPARQL does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code query} with {@code bindings} substituted (values from users are bound as nodes,
   * never spliced into the text) and writes the result to {@code out}.
   *
   * @return the number of result rows (1 or 0 for ASK, triples for CONSTRUCT/DESCRIBE)
   */
  public static long run(LineageStore store, Query query, Map<String, Node> bindings, Format format, OutputStream out) {
    if (store.readsInProcess()) { // the walks pay off in-process only (class comment)
      Optional<ResultSetRewindable> walked = store.read(ds -> walk(ds, query, bindings));
      if (walked.isPresent()) {
        return write(walked.get(), query, format, out);
      }
    }
    return store.query(query, bindings, qe -> {
      if (query.isSelectType()) {
        return write(ResultSetFactory.copyResults(qe.execSelect()), query, format, out);
      } else if (query.isAskType()) {
        boolean answer = qe.execAsk();
        switch (format) {
          case JSON -> ResultSetFormatter.outputAsJSON(out, answer);
          case CSV -> ResultSetFormatter.outputAsCSV(out, answer);
          default -> ResultSetFormatter.out(out, answer);
        }
        return answer ? 1L : 0L;
      }
      Graph graph = (query.isConstructType() ? qe.execConstruct() : qe.execDescribe()).getGraph();
      graph.getPrefixMapping().setNsPrefixes(ProvenanceGraphs.prefixes());
      RDFDataMgr.write(out, graph, RDFFormat.TURTLE_BLOCKS);
      return (long) graph.size();
    });
  }

  private static long write(ResultSetRewindable rs, Query query, Format format, OutputStream out) {
    long n = 0;
    switch (format) {
      case JSON -> ResultSetFormatter.outputAsJSON(out, rs);
      case CSV -> ResultSetFormatter.outputAsCSV(out, rs);
      default -> ResultSetFormatter.out(out, rs, query);
    }
    rs.reset();
    while (rs.hasNext()) {
      rs.next();
      n++;
    }
    return n;
  }

  /** The shipped source-roots or downstream-impact query with only ?target bound, by a walk. */
  private static Optional<ResultSetRewindable> walk(Dataset ds, Query query, Map<String, Node> bindings) {
    Node target = bindings.size() == 1 ? bindings.get("target") : null;
    if (target == null) {
      return Optional.empty();
    }
    Graph union = LineageStore.unionGraph(ds);
    Optional<List<Binding>> rows = Optional.empty();
    List<Var> vars = List.of();
    if (query.equals(NamedQuery.SOURCE_ROOTS.query())) {
      rows = SourceRoots.of(union, target).map(r -> r.stream().map(SourceRoots.Root::binding).toList());
      vars = List.of(SourceRoots.ROOT, SourceRoots.LABEL);
    } else if (query.equals(NamedQuery.DOWNSTREAM_IMPACT.query())) {
      rows = DownstreamImpact.of(union, target).map(r -> r.stream().map(DownstreamImpact.Derived::binding).toList());
      vars = DownstreamImpact.VARS;
    }
    List<Var> v = vars;
    return rows.map(r -> ResultSetFactory.makeRewindable(ResultSet.adapt(RowSetStream.create(v, r.iterator()))));
  }

  private static boolean isUpdate(String sparql) {
    try {
      UpdateFactory.create(sparql);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
