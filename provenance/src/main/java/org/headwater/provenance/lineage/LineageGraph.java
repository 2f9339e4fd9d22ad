package org.headwater.provenance.lineage;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * The result of a lineage walk: the nodes reached (in breadth-first order, targets first), the
 * edges followed, and what each node is.
 *
 * @param direction upstream (what the targets came from) or downstream (what came from them)
 * @param targets the resolved targets; empty when the TARGET string named nothing in the store
 * @param nodes every node reached, targets first, each once
 * @param depth hops from the nearest target, per node
 * @param edges the edges followed, from a node to the node reached through it
 * @param info label, kind and checksum of each node
 * @param truncated true when the walk stopped at its depth or node limit with more to see
 */
public record LineageGraph(
    Lineage.Direction direction,
    List<Node> targets,
    List<Node> nodes,
    Map<Node, Integer> depth,
    List<Edge> edges,
    Map<Node, NodeInfo> info,
    boolean truncated) {

  public LineageGraph {
    targets = List.copyOf(targets);
    nodes = List.copyOf(nodes);
    depth = Map.copyOf(depth);
    edges = List.copyOf(edges);
    info = Map.copyOf(info);
  }

  /** True when the walk found nothing (an unknown or malformed TARGET). */
  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /**
   * One edge followed by the walk.
   *
   * @param from the node the walk came from
   * @param to the node it reached
   * @param relation {@code wasDerivedFrom}, {@code isPartOf} (a source variable to its file) or
   *     {@code sameAs}
   */
  public record Edge(Node from, Node to, String relation) {}

  /**
   * What a node is, for display.
   *
   * @param kind {@code output}, {@code source}, {@code variable}, {@code dataset}, {@code recipe}
   *     or {@code entity}
   * @param label file name, variable name, title or the IRI
   * @param sha256 the checksum, or null
   * @param madeBy label of the generating activity (e.g. the run), or null
   */
  public record NodeInfo(String kind, String label, String sha256, String madeBy) {}
}
