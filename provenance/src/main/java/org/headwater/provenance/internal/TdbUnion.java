package org.headwater.provenance.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * {@link TripleLookups} on the union of a TDB2 dataset's named graphs (what {@code
 * LineageStore.unionGraph} shows as triples) at the level of TDB2's node ids: each lookup is one
 * range scan of a quad index (TDB2 picks it) and turns no id into a {@link Node}. A quad found in
 * several graphs comes back once per graph. Use inside a read transaction only.
 */
public final class TdbUnion implements TripleLookups<NodeId> {
  private static final int SUBJECT = 1;
  private static final int PREDICATE = 2;
  private static final int OBJECT = 3;

  private final NodeTupleTable quads;
  private final NodeTable nodes;

  private TdbUnion(NodeTupleTable quads) {
    this.quads = quads;
    this.nodes = quads.getNodeTable();
  }

  /** The TDB2 union graph behind {@code graph}, or empty when {@code graph} is anything else. */
  public static Optional<TdbUnion> of(Graph graph) {
    if (graph instanceof GraphView view
        && Quad.isUnionGraph(view.getGraphName())
        && TDBInternal.isTDB2(view.getDataset())) {
      return Optional.of(
          new TdbUnion(
              TDBInternal.getDatasetGraphTDB(view.getDataset())
                  .getQuadTable()
                  .getNodeTupleTable()));
    }
    return Optional.empty();
  }

  @Override
  public NodeId key(Node node) {
    NodeId id = nodes.getNodeIdForNode(node);
    return NodeId.isDoesNotExist(id) ? null : id;
  }

  @Override
  public Node node(NodeId key) {
    return nodes.getNodeForNodeId(key);
  }

  @Override
  public List<NodeId> subjects(NodeId p, NodeId o) {
    return slot(SUBJECT, NodeId.NodeIdAny, NodeId.NodeIdAny, p, o);
  }

  @Override
  public List<NodeId> objects(NodeId s, NodeId p) {
    return slot(OBJECT, NodeId.NodeIdAny, s, p, NodeId.NodeIdAny);
  }

  /**
   * The predicate and object of every quad whose subject is {@code s}, as pairs {@code [p, o]}:
   * one range scan of the subject-first index, so in index order (by predicate, then object, then
   * graph), which is the order {@link #objects} gives for each predicate. A triple in several
   * graphs comes back once per graph.
   */
  public List<NodeId[]> predicateObjects(NodeId s) {
    List<NodeId[]> out = new ArrayList<>();
    Iterator<Tuple<NodeId>> it = quads.find(NodeId.NodeIdAny, s, NodeId.NodeIdAny, NodeId.NodeIdAny);
    try {
      it.forEachRemaining(q -> out.add(new NodeId[] {q.get(PREDICATE), q.get(OBJECT)}));
    } finally {
      Iter.close(it);
    }
    return out;
  }

  private List<NodeId> slot(int slot, NodeId g, NodeId s, NodeId p, NodeId o) {
    List<NodeId> out = new ArrayList<>();
    Iterator<Tuple<NodeId>> it = quads.find(g, s, p, o);
    try {
      it.forEachRemaining(q -> out.add(q.get(slot)));
    } finally {
      Iter.close(it);
    }
    return out;
  }
}
