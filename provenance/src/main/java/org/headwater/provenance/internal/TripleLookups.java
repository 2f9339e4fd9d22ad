package org.headwater.provenance.internal;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * The triple lookups of a lineage walk, on keys of type {@code K} that stand for nodes one to one:
 * Nodes themselves on any graph ({@link GraphLookups}), TDB2 node ids on a TDB2 store's union graph
 * ({@link TdbUnion}), where a walk then decodes only the nodes it returns. Matches may repeat (a
 * triple in several graphs); callers deduplicate.
 */
public interface TripleLookups<K> {
  /** The fastest lookups for {@code graph}: on node ids for a TDB2 union graph, else on Nodes. */
  static TripleLookups<?> of(Graph graph) {
    return TdbUnion.of(graph)
        .<TripleLookups<?>>map(t -> t)
        .orElseGet(() -> new GraphLookups(graph));
  }

  /** The key of {@code node}, or null when the graph is known not to hold it. */
  K key(Node node);

  /** The node of a key this graph gave out. */
  Node node(K key);

  /** The subjects of {@code ?s p o}. */
  List<K> subjects(K p, K o);

  /** The objects of {@code s p ?o}. */
  List<K> objects(K s, K p);
}
