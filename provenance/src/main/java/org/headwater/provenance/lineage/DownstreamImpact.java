package org.headwater.provenance.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.SPDX;

/**
 * The answer of the named query {@code downstream-impact.rq} computed by an iterative
 * breadth-first walk over {@code Graph.find}: the same rows (in breadth-first order; the query
 * has no {@code ORDER BY}) without Jena's evaluation of {@code prov:wasDerivedFrom+}.
 *
 * <p>Semantics, exactly as the query: every node that reaches the target over one or more {@code
 * prov:wasDerivedFrom} hops (the target itself only when it is on a cycle), with each of its
 * checksum values ({@code spdx:checksum/spdx:checksumValue}) and each generating activity, or
 * without when it has none. Bounded like {@link SourceRoots}: {@link Optional#empty()} after
 * {@link #MAX_NODES} nodes.
 */
public final class DownstreamImpact {
  /** The most nodes one call visits. */
  public static final int MAX_NODES = Lineage.MAX_NODES;

  /** The query's result variables, in order. */
  public static final List<Var> VARS = List.of(Var.alloc("derived"), Var.alloc("sha256"), Var.alloc("activity"));

  private static final Node DERIVED = PROV.wasDerivedFrom.asNode();
  private static final Node GENERATED_BY = PROV.wasGeneratedBy.asNode();
  private static final Node CHECKSUM = SPDX.checksum.asNode();
  private static final Node CHECKSUM_VALUE = SPDX.checksumValue.asNode();

  /**
   * One result row.
   *
   * @param derived an entity derived from the target
   * @param sha256 one of its checksum values, or null
   * @param activity one of its generating activities, or null
   */
  public record Derived(Node derived, Node sha256, Node activity) {
    public Derived {
      if (derived == null) {
        throw new IllegalArgumentException("derived == null");
      }
    }

    /** The row as a SPARQL binding; absent values are unbound. */
    public Binding binding() {
      BindingBuilder b = Binding.builder().add(VARS.get(0), derived);
      if (sha256 != null) {
        b.add(VARS.get(1), sha256);
      }
      if (activity != null) {
        b.add(VARS.get(2), activity);
      }
      return b.build();
    }
  }

  private DownstreamImpact() {}

  /**
   * Everything derived from {@code target} in {@code graph} (e.g. the store's union graph, inside a
   * read transaction); empty when the walk would pass {@link #MAX_NODES} nodes.
   */
  public static Optional<List<Derived>> of(Graph graph, Node target) {
    if (target == null) {
      throw new IllegalArgumentException("target == null");
    }
    Set<Node> seen = new HashSet<>();
    List<Node> derived = new ArrayList<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    queue.add(target);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      Iterator<Triple> it = graph.find(Node.ANY, DERIVED, node);
      try {
        while (it.hasNext()) {
          Node next = it.next().getSubject();
          if (seen.add(next)) {
            if (seen.size() > MAX_NODES) {
              return Optional.empty();
            }
            derived.add(next);
            queue.add(next);
          }
        }
      } finally {
        Iter.close(it);
      }
    }
    List<Derived> rows = new ArrayList<>();
    for (Node d : derived) {
      List<Node> shas = new ArrayList<>();
      for (Node checksum : objects(graph, d, CHECKSUM)) {
        shas.addAll(objects(graph, checksum, CHECKSUM_VALUE));
      }
      List<Node> activities = objects(graph, d, GENERATED_BY);
      Set<Derived> distinct = new LinkedHashSet<>();
      for (Node sha : orNull(shas)) {
        for (Node activity : orNull(activities)) {
          distinct.add(new Derived(d, sha, activity));
        }
      }
      rows.addAll(distinct);
    }
    return Optional.of(rows);
  }

  private static List<Node> orNull(List<Node> nodes) {
    return nodes.isEmpty() ? Arrays.asList((Node) null) : nodes;
  }

  private static List<Node> objects(Graph graph, Node s, Node p) {
    List<Node> out = new ArrayList<>();
    Iterator<Triple> it = graph.find(s, p, Node.ANY);
    try {
      it.forEachRemaining(t -> out.add(t.getObject()));
    } finally {
      Iter.close(it);
    }
    return out;
  }
}
