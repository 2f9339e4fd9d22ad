package org.headwater.provenance.store;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.update.UpdateFactory;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.ReadOnlyException;

/**
 * The {@code headwater query} facade: runs a SPARQL query (never an update) over the union of all
 * graphs in the store and prints the result.
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
    return store.read(
        ds -> {
          QueryExecutionDatasetBuilder b = QueryExecution.dataset(ds).query(query);
          var model = ds.getDefaultModel();
          bindings.forEach((var, node) -> b.substitution(var, model.asRDFNode(node)));
          try (QueryExecution qe = b.build()) {
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
            var graph = (query.isConstructType() ? qe.execConstruct() : qe.execDescribe()).getGraph();
            graph.getPrefixMapping().setNsPrefixes(org.headwater.provenance.graph.ProvenanceGraphs.prefixes());
            RDFDataMgr.write(out, graph, RDFFormat.TURTLE_BLOCKS);
            return (long) graph.size();
          }
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

  private static boolean isUpdate(String sparql) {
    try {
      UpdateFactory.create(sparql);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
