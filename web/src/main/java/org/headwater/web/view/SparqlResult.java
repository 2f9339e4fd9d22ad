package org.headwater.web.view;

import java.util.List;

/**
 * What the SPARQL page shows for a query.
 *
 * @param vars the SELECT columns (empty for other query forms)
 * @param rows the rows, as text (at most {@code limit})
 * @param truncated whether more rows were left out
 * @param text an ASK answer or a CONSTRUCT/DESCRIBE graph as Turtle, or null
 * @param error why the query was not run, or null
 * @param line the line of a syntax error (1-based), or 0
 * @param column the column of a syntax error (1-based), or 0
 */
public record SparqlResult(
    List<String> vars, List<List<String>> rows, boolean truncated, String text, String error, int line, int column) {
  public SparqlResult {
    vars = List.copyOf(vars);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }

  /** A query that was not run. */
  public static SparqlResult error(String error, int line, int column) {
    return new SparqlResult(List.of(), List.of(), false, null, error, line, column);
  }
}
