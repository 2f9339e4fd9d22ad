package org.headwater.provenance.lineage;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Walks lineage over a graph, breadth first and iteratively: no recursion, so a chain of any
 * length (tested at 10,000 hops) neither overflows the stack nor runs unbounded (a depth limit
 * and a node limit stop it, setting {@link LineageGraph#truncated()}).
 *
 * <p>Upstream follows {@code prov:wasDerivedFrom} and {@code owl:sameAs}; at a variable with
 * nothing further upstream (a source variable) it continues from the file the variable is part
 * of, so a variable's lineage reaches the source-of-truth dataset. Downstream follows the inverse
 * of {@code prov:wasDerivedFrom} and {@code owl:sameAs}.
 */
public final class Lineage {
  /** Walk direction. */
  public enum Direction {
    /** What the targets came from. */
    UPSTREAM,
    /** What came from the targets (impact). */
    DOWNSTREAM
  }

  /** No depth limit. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** The most nodes one walk visits. */
  public static final int MAX_NODES = 1_000_000;

  private Lineage() {}

  /**
   * Walks from {@code targets}.
   *
   * @param graph the graph (e.g. the store's union graph, inside a read transaction)
   * @param targets start nodes
   * @param direction upstream or downstream
   * @param maxDepth hops to follow at most; {@link #UNLIMITED} for all; must be >= 0
   */
  public static LineageGraph walk(Graph graph, List<Node> targets, Direction direction, int maxDepth) {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("depth < 0: " + maxDepth);
    }
    return Walker.walk(graph, targets, direction, maxDepth);
  }

  /** Triples describing the walked nodes (their own triples and their checksum nodes). */
  public static Graph describe(Graph graph, LineageGraph lineage) {
    Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    for (Node n : lineage.nodes()) {
      for (Triple t : graph.find(n, Node.ANY, Node.ANY).toList()) {
        out.add(t);
        Node o = t.getObject();
        if (o.isBlank() || (o.isURI() && n.isURI() && o.getURI().startsWith(n.getURI() + "#"))) {
          graph.find(o, Node.ANY, Node.ANY).forEachRemaining(out::add);
        }
      }
    }
    return out;
  }
}
