package org.headwater.provenance.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/** {@link TripleLookups} on any graph through {@code Graph.find}; keys are the nodes. */
public record GraphLookups(Graph graph) implements TripleLookups<Node> {
  @Override
  public Node key(Node node) {
    return node;
  }

  @Override
  public Node node(Node key) {
    return key;
  }

  @Override
  public List<Node> subjects(Node p, Node o) {
    return find(Node.ANY, p, o, Triple::getSubject);
  }

  @Override
  public List<Node> objects(Node s, Node p) {
    return find(s, p, Node.ANY, Triple::getObject);
  }

  private List<Node> find(Node s, Node p, Node o, Function<Triple, Node> slot) {
    List<Node> out = new ArrayList<>();
    Iterator<Triple> it = graph.find(s, p, o);
    try {
      it.forEachRemaining(t -> out.add(slot.apply(t)));
    } finally {
      Iter.close(it);
    }
    return out;
  }
}
