package org.headwater.provenance.lineage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.store.LineageStore;

/**
 * The {@code headwater lineage} facade: resolve a TARGET string, walk, print. Resolving and
 * walking go through {@link LineageStore#resolve} and {@link LineageStore#readLineage}, so a
 * remote store sends only the part of the store the walk reads.
 *
 * <pre>{@code
 * try (LineageStore store = LineageStore.open(dir)) {
 *   Lineages.print(store, "outputs/speed.nc", Lineage.Direction.UPSTREAM, Lineage.UNLIMITED,
 *       LineageFormat.TREE, System.out);
 * }
 * }</pre>
 */
public final class Lineages {
  private Lineages() {}

  /** The store nodes a TARGET names (see {@link Targets}); empty when none. */
  public static List<Node> resolve(LineageStore store, String target) {
    return store.resolve(target);
  }

  /**
   * Walks lineage from what {@code target} names; an empty result when it names nothing.
   *
   * @param depth hops at most, or {@link Lineage#UNLIMITED}
   */
  public static LineageGraph lineage(LineageStore store, String target, Lineage.Direction direction, int depth) {
    List<Node> targets = store.resolve(target);
    return store.readLineage(
        targets, direction, ds -> Lineage.walk(LineageStore.unionGraph(ds), targets, direction, depth));
  }

  /**
   * The source roots of what {@code target} names (see {@link SourceRoots}): the rows the named
   * query {@code source-roots.rq} gives for each resolved node, in target order, each row once;
   * empty when it names nothing.
   *
   * @throws ProvenanceException when the upstream lineage has more than {@link
   *     SourceRoots#MAX_NODES} nodes
   */
  public static List<SourceRoots.Root> roots(LineageStore store, String target) {
    List<Node> targets = store.resolve(target);
    return store.readLineage(
        targets,
        Lineage.Direction.UPSTREAM,
        ds -> {
          Graph union = LineageStore.unionGraph(ds);
          Set<SourceRoots.Root> rows = new LinkedHashSet<>();
          for (Node n : targets) {
            rows.addAll(
                SourceRoots.of(union, n)
                    .orElseThrow(
                        () ->
                            new ProvenanceException(
                                "more than " + SourceRoots.MAX_NODES + " nodes upstream of " + n
                                    + "; walk it with a depth limit (headwater lineage TARGET --upstream --depth N)")));
          }
          return List.copyOf(rows);
        });
  }

  /**
   * Resolves, walks and writes in one go.
   *
   * @return the walk, so the caller can tell an empty result (exit code, message)
   */
  public static LineageGraph print(
      LineageStore store, String target, Lineage.Direction direction, int depth, LineageFormat format, OutputStream out) {
    record Result(LineageGraph lineage, Graph description) {}
    List<Node> targets = store.resolve(target);
    Result r =
        store.readLineage(
            targets,
            direction,
            ds -> {
              Graph union = LineageStore.unionGraph(ds);
              LineageGraph lg = Lineage.walk(union, targets, direction, depth);
              return new Result(lg, format == LineageFormat.TURTLE ? Lineage.describe(union, lg) : null);
            });
    try {
      LineageRenderer.write(r.lineage(), r.description(), format, out);
    } catch (IOException e) {
      throw new ProvenanceException("cannot write lineage: " + e.getMessage(), e);
    }
    return r.lineage();
  }
}
