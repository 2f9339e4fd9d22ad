package org.headwater.web.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;

/** Runs a {@link WebQuery} with values bound as nodes, inside the caller's read transaction. */
public final class Rows {
  private Rows() {}

  /** The rows of {@code query} with {@code bindings} substituted. */
  public static List<Row> select(Dataset ds, WebQuery query, Map<String, Node> bindings) {
    QueryExecBuilder b = QueryExec.dataset(ds.asDatasetGraph()).query(query.query());
    bindings.forEach(b::substitution);
    List<Row> rows = new ArrayList<>();
    try (QueryExec qe = b.build()) {
      qe.select().forEachRemaining(binding -> rows.add(new Row(binding)));
    }
    return rows;
  }

  /** One result row; read it inside the transaction that made it (TDB2 resolves values lazily). */
  public record Row(Binding binding) {
    /** The value as text (an IRI, a literal's lexical form), or null when unbound. */
    public String text(String var) {
      Node n = binding.get(var);
      if (n == null) {
        return null;
      }
      return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    /** The value as a number, or null when unbound or not a number. */
    public Long number(String var) {
      String t = text(var);
      try {
        return t == null ? null : Long.parseLong(t.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The bound node, or null. */
    public Node node(String var) {
      return binding.get(var);
    }
  }
}
