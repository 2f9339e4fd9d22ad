package org.headwater.provenance.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;

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

  private static final Node DERIVED = PROV.wasDerivedFrom.asNode();
  private static final Node SAME_AS = OWL.sameAs.asNode();
  private static final Node PART_OF = DCTerms.isPartOf.asNode();
  private static final Node TYPE = RDF.type.asNode();
  private static final Node VARIABLE = HW.Variable.asNode();

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
    Map<Node, Integer> depth = new LinkedHashMap<>();
    List<LineageGraph.Edge> edges = new ArrayList<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    for (Node t : targets) {
      if (depth.putIfAbsent(t, 0) == null) {
        queue.add(t);
      }
    }
    boolean truncated = false;
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      int d = depth.get(node);
      List<LineageGraph.Edge> next = neighbours(graph, node, direction);
      if (d >= maxDepth || depth.size() >= MAX_NODES) {
        truncated |= next.stream().anyMatch(e -> !depth.containsKey(e.to()));
        continue;
      }
      for (LineageGraph.Edge e : next) {
        if (!depth.containsKey(e.to())) {
          depth.put(e.to(), d + 1);
          queue.add(e.to());
          edges.add(e);
        } else if (depth.get(e.to()) > 0 && !e.relation().equals("sameAs")) {
          edges.add(e); // a second path into a node already seen (fan-in)
        }
      }
    }
    Map<Node, LineageGraph.NodeInfo> info = new HashMap<>();
    for (Node n : depth.keySet()) {
      info.put(n, NodeInfos.describe(graph, n));
    }
    List<Node> nodes = new ArrayList<>(depth.keySet());
    return new LineageGraph(direction, targets, nodes, depth, edges, info, truncated);
  }

  /**
   * The edges out of {@code n}, each relation's in RDF term order, so that a walk visits nodes in
   * the same order whichever store holds the graph (TDB2 finds in node-id order, an in-memory
   * graph in hash order; a remote store's walk runs on a fetched in-memory copy).
   */
  private static List<LineageGraph.Edge> neighbours(Graph g, Node n, Direction dir) {
    List<LineageGraph.Edge> out = new ArrayList<>();
    if (dir == Direction.UPSTREAM) {
      add(out, n, g.find(n, DERIVED, Node.ANY).mapWith(Triple::getObject), "wasDerivedFrom");
      if (out.isEmpty() && n.isURI() && g.contains(n, TYPE, VARIABLE)) {
        add(out, n, g.find(n, PART_OF, Node.ANY).mapWith(Triple::getObject), "isPartOf");
      }
    } else {
      add(out, n, g.find(Node.ANY, DERIVED, n).mapWith(Triple::getSubject), "wasDerivedFrom");
    }
    add(out, n, g.find(n, SAME_AS, Node.ANY).mapWith(Triple::getObject), "sameAs");
    add(out, n, g.find(Node.ANY, SAME_AS, n).mapWith(Triple::getSubject), "sameAs");
    return out;
  }

  private static void add(List<LineageGraph.Edge> out, Node from, Iterator<Node> to, String relation) {
    List<Node> nodes = new ArrayList<>();
    to.forEachRemaining(nodes::add);
    nodes.sort(NodeCmp::compareRDFTerms);
    nodes.forEach(t -> out.add(new LineageGraph.Edge(from, t, relation)));
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
