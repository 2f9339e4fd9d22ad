package org.headwater.provenance.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.internal.GraphLookups;
import org.headwater.provenance.internal.TdbUnion;
import org.headwater.provenance.internal.TripleLookups;

/**
 * {@link Lineage#walk}'s breadth-first walk on keys of type {@code K} ({@link TripleLookups}). On
 * a TDB2 union graph the keys are node ids and all a node's own triples are read with one scan of
 * the subject-first index ({@link TdbUnion#predicateObjects}), which answers its derivations, its
 * {@code owl:sameAs}, its types and the properties its description needs; only the values shown
 * are turned into nodes. On any other graph each question is one {@code Graph.find}. Both give
 * the same walk: each relation's neighbours are visited in RDF term order, and a description takes
 * the least value of a property in that order, whatever order the store lists them in.
 */
final class Walker<K> {
  private final TripleLookups<K> lookups;
  private final Function<K, Facts<K>> facts;
  private final NodeInfos<K> infos;
  private final K derived;
  private final K sameAs;
  private final K partOf;
  private final K type;
  private final K variable;
  private final Map<K, Node> nodes = new HashMap<>();

  private Walker(TripleLookups<K> lookups, Function<K, Facts<K>> facts) {
    this.lookups = lookups;
    this.facts = k -> k == null ? Facts.none() : facts.apply(k);
    this.infos = new NodeInfos<>(lookups, this.facts);
    this.derived = lookups.key(PROV.wasDerivedFrom.asNode());
    this.sameAs = lookups.key(OWL.sameAs.asNode());
    this.partOf = lookups.key(DCTerms.isPartOf.asNode());
    this.type = lookups.key(RDF.type.asNode());
    this.variable = lookups.key(HW.Variable.asNode());
  }

  /** The walker for {@code graph}: on node ids and subject scans for a TDB2 union graph. */
  static LineageGraph walk(Graph graph, List<Node> targets, Lineage.Direction direction, int maxDepth) {
    return TdbUnion.of(graph)
        .map(t -> new Walker<>(t, s -> Facts.scanned(t.predicateObjects(s))).walk(targets, direction, maxDepth))
        .orElseGet(() -> {
          GraphLookups g = new GraphLookups(graph);
          return new Walker<>(g, s -> Facts.found(g, s)).walk(targets, direction, maxDepth);
        });
  }

  private LineageGraph walk(List<Node> targets, Lineage.Direction direction, int maxDepth) {
    Map<Node, Integer> depth = new LinkedHashMap<>();
    Map<Node, K> keys = new HashMap<>();
    Map<Node, LineageGraph.NodeInfo> info = new HashMap<>();
    List<LineageGraph.Edge> edges = new ArrayList<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    for (Node t : targets) {
      if (depth.putIfAbsent(t, 0) == null) {
        keys.put(t, lookups.key(t));
        queue.add(t);
      }
    }
    boolean truncated = false;
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      int d = depth.get(node);
      K key = keys.get(node);
      Facts<K> f = facts.apply(key);
      info.put(node, infos.describe(node, f));
      List<K> next = new ArrayList<>();
      List<String> relations = new ArrayList<>();
      neighbours(node, key, f, direction, next, relations);
      if (d >= maxDepth || depth.size() >= Lineage.MAX_NODES) {
        truncated |= next.stream().anyMatch(k -> !depth.containsKey(node(k)));
        continue;
      }
      for (int i = 0; i < next.size(); i++) {
        Node to = node(next.get(i));
        LineageGraph.Edge e = new LineageGraph.Edge(node, to, relations.get(i));
        if (!depth.containsKey(to)) {
          depth.put(to, d + 1);
          keys.put(to, next.get(i));
          queue.add(to);
          edges.add(e);
        } else if (depth.get(to) > 0 && !e.relation().equals("sameAs")) {
          edges.add(e); // a second path into a node already seen (fan-in)
        }
      }
    }
    return new LineageGraph(direction, targets, new ArrayList<>(depth.keySet()), depth, edges, info, truncated);
  }

  /** The keys one hop from {@code node}, each with its relation; each relation's in RDF term order. */
  private void neighbours(Node node, K key, Facts<K> f, Lineage.Direction dir, List<K> next, List<String> relations) {
    if (dir == Lineage.Direction.UPSTREAM) {
      add(f.objects(derived), "wasDerivedFrom", next, relations);
      if (next.isEmpty() && node.isURI() && f.has(type, variable)) {
        add(f.objects(partOf), "isPartOf", next, relations);
      }
    } else if (key != null && derived != null) {
      add(distinct(lookups.subjects(derived, key)), "wasDerivedFrom", next, relations);
    }
    add(f.objects(sameAs), "sameAs", next, relations);
    if (key != null && sameAs != null) {
      add(distinct(lookups.subjects(sameAs, key)), "sameAs", next, relations);
    }
  }

  /**
   * Adds one relation's neighbours in RDF term order, so that a walk visits nodes in the same order
   * whichever store holds the graph (TDB2 finds in node-id order, an in-memory graph in hash order;
   * a remote store's walk runs on a fetched in-memory copy).
   */
  private void add(List<K> keys, String relation, List<K> next, List<String> relations) {
    if (keys.size() > 1) {
      keys = new ArrayList<>(keys);
      keys.sort((a, b) -> NodeCmp.compareRDFTerms(node(a), node(b)));
    }
    for (K k : keys) {
      next.add(k);
      relations.add(relation);
    }
  }

  private static <K> List<K> distinct(List<K> keys) {
    return keys.size() < 2 ? keys : new ArrayList<>(new LinkedHashSet<>(keys));
  }

  private Node node(K key) {
    return nodes.computeIfAbsent(key, lookups::node);
  }
}
