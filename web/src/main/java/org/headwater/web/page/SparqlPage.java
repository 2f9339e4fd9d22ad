package org.headwater.web.page;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.update.UpdateFactory;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.view.SparqlResult;

/**
 * The SPARQL page: runs a query (never an update) over the union of all runs, shows at most
 * {@value #MAX_ROWS} rows, and stops after {@value #TIMEOUT_SECONDS} s. A query that does not
 * parse is answered with the parser's message and its line and column.
 */
public final class SparqlPage {
  static final int MAX_ROWS = 1000;
  static final int TIMEOUT_SECONDS = 30;

  /** The query the empty form shows. */
  public static final String EXAMPLE = """
      PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      SELECT ?output ?title ?source
      WHERE {
        ?output a <https://w3id.org/headwater/ns#Output> ;
                dcterms:title ?title ;
                prov:wasDerivedFrom ?source .
      }
      LIMIT 20
      """;

  private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");

  private SparqlPage() {}

  /** Parses and runs {@code text}. */
  public static SparqlResult run(LineageStore store, String text) {
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      if (isUpdate(text)) {
        return SparqlResult.error("updates are refused: this server is read-only", 0, 0);
      }
      // JavaCC's exception holds the last token read; its message names the token that failed.
      Matcher at = AT.matcher(e.getMessage() == null ? "" : e.getMessage());
      return at.find()
          ? SparqlResult.error(e.getMessage(), Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)))
          : SparqlResult.error(e.getMessage(), e.getLine(), e.getColumn());
    }
    try {
      return store.read(ds -> {
        try (QueryExec qe = QueryExec.dataset(ds.asDatasetGraph()).query(query)
            .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).build()) {
          if (query.isSelectType()) {
            return select(qe.select());
          } else if (query.isAskType()) {
            return new SparqlResult(List.of(), List.of(), false, qe.ask() ? "yes" : "no", null, 0, 0);
          }
          Graph g = query.isConstructType() ? qe.construct() : qe.describe();
          g.getPrefixMapping().setNsPrefixes(ProvenanceGraphs.prefixes());
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          RDFDataMgr.write(out, g, RDFFormat.TURTLE_BLOCKS);
          return new SparqlResult(List.of(), List.of(), false, out.toString(StandardCharsets.UTF_8), null, 0, 0);
        }
      });
    } catch (QueryCancelledException e) {
      return SparqlResult.error("the query ran longer than " + TIMEOUT_SECONDS + " s and was stopped", 0, 0);
    }
  }

  private static SparqlResult select(RowSet rows) {
    List<String> vars = rows.getResultVars().stream().map(v -> v.getVarName()).toList();
    List<List<String>> out = new ArrayList<>();
    boolean truncated = false;
    while (rows.hasNext()) {
      Binding b = rows.next();
      if (out.size() == MAX_ROWS) {
        truncated = true;
        break;
      }
      List<String> row = new ArrayList<>();
      for (var v : rows.getResultVars()) {
        Node n = b.get(v);
        row.add(n == null ? "" : n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
      }
      out.add(row);
    }
    return new SparqlResult(vars, out, truncated, null, null, 0, 0);
  }

  private static boolean isUpdate(String text) {
    try {
      UpdateFactory.create(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
