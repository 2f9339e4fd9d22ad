package org.headwater.provenance.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.internal.TdbUnion;
import org.headwater.provenance.internal.TripleLookups;

/**
 * The answer of the named query {@code downstream-impact.rq} computed by an iterative breadth-first
 * walk with one index lookup per node and per column: the same rows (in breadth-first order; the
 * query has no {@code ORDER BY}) without Jena's evaluation of {@code prov:wasDerivedFrom+}.
 *
 * <p>Semantics, exactly as the query: every node that reaches the target over one or more {@code
 * prov:wasDerivedFrom} hops (the target itself only when it is on a cycle), with each of its
 * checksum values ({@code spdx:checksum/spdx:checksumValue}) and each generating activity, or
 * without when it has none. Bounded like {@link SourceRoots}: {@link Optional#empty()} after {@link
 * #MAX_NODES} nodes.
 */
public final class DownstreamImpact {
  /** The most nodes one call visits. */
  public static final int MAX_NODES = Lineage.MAX_NODES;

  /** The query's result variables, in order. */
  public static final List<Var> VARS =
      List.of(Var.alloc("derived"), Var.alloc("sha256"), Var.alloc("activity"));

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
   * read transaction); empty when the walk would pass {@link #MAX_NODES} nodes. On a TDB2 union
   * graph ({@code LineageStore.unionGraph}) the walk and its lookups run on TDB2's node ids and
   * quad indexes ({@link TdbUnion}), decoding only the nodes of the result; on any other graph they
   * run on {@code Graph.find}. Both give the same rows.
   */
  public static Optional<List<Derived>> of(Graph graph, Node target) {
    if (target == null) {
      throw new IllegalArgumentException("target == null");
    }
    return walk(TripleLookups.of(graph), target);
  }

  private static <K> Optional<List<Derived>> walk(TripleLookups<K> lookups, Node target) {
    K start = lookups.key(target);
    K derivedFrom = lookups.key(DERIVED);
    if (start == null || derivedFrom == null) {
      return Optional.of(List.of());
    }
    Set<K> seen = new HashSet<>();
    List<K> derived = new ArrayList<>();
    ArrayDeque<K> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      for (K next : lookups.subjects(derivedFrom, queue.poll())) {
        if (seen.add(next)) {
          if (seen.size() > MAX_NODES) {
            return Optional.empty();
          }
          derived.add(next);
          queue.add(next);
        }
      }
    }
    K checksum = lookups.key(CHECKSUM);
    K checksumValue = lookups.key(CHECKSUM_VALUE);
    K generatedBy = lookups.key(GENERATED_BY);
    List<Derived> rows = new ArrayList<>();
    for (K d : derived) {
      Set<K> shas = new LinkedHashSet<>();
      for (K c : objects(lookups, d, checksum)) {
        shas.addAll(objects(lookups, c, checksumValue));
      }
      Set<K> activities = objects(lookups, d, generatedBy);
      Node node = lookups.node(d);
      for (Node sha : nodesOrNull(lookups, shas)) {
        for (Node activity : nodesOrNull(lookups, activities)) {
          rows.add(new Derived(node, sha, activity));
        }
      }
    }
    return Optional.of(rows);
  }

  private static <K> Set<K> objects(TripleLookups<K> lookups, K s, K p) {
    return p == null ? Set.of() : new LinkedHashSet<>(lookups.objects(s, p));
  }

  /** The nodes of distinct keys (so no row repeats), or one null (an unbound column) for none. */
  private static <K> List<Node> nodesOrNull(TripleLookups<K> lookups, Set<K> keys) {
    if (keys.isEmpty()) {
      return Arrays.asList((Node) null);
    }
    List<Node> nodes = new ArrayList<>(keys.size());
    keys.forEach(k -> nodes.add(lookups.node(k)));
    return nodes;
  }
}
