package org.headwater.provenance.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.headwater.provenance.internal.TripleLookups;

/**
 * What a graph says about one subject, on keys of type {@code K} (see {@link TripleLookups}): its
 * objects by predicate, each once, in the order the graph gives them. A walk asks ten or so of
 * these questions about each node it reaches (its derivations, types, title, path, URL, checksum,
 * generating activity); {@link #scanned} answers them all from one index scan, {@link #found}
 * with one lookup each.
 */
interface Facts<K> {
  /** The distinct objects of {@code s p ?o}, in the graph's order; none when {@code p} is null. */
  List<K> objects(K p);

  /** True when the graph holds {@code s p o}. */
  default boolean has(K p, K o) {
    return o != null && objects(p).contains(o);
  }

  /** Nothing: the subject is not in the graph. */
  static <K> Facts<K> none() {
    return p -> List.of();
  }

  /** One lookup of {@code lookups} per question. */
  static <K> Facts<K> found(TripleLookups<K> lookups, K s) {
    return p -> p == null ? List.of() : distinct(lookups.objects(s, p));
  }

  /**
   * The answers from the subject's {@code [predicate, object]} pairs, read at once in index order
   * (by predicate, then object): each predicate's objects come in the order a lookup of that
   * predicate alone gives.
   */
  static <K> Facts<K> scanned(List<K[]> pairs) {
    return p -> {
      if (p == null) {
        return List.of();
      }
      List<K> objects = new ArrayList<>(2);
      for (K[] po : pairs) {
        if (Objects.equals(po[0], p)) {
          objects.add(po[1]);
        }
      }
      return distinct(objects);
    };
  }

  private static <K> List<K> distinct(List<K> keys) {
    if (keys.size() < 2) {
      return keys;
    }
    Set<K> once = new LinkedHashSet<>(keys);
    return once.size() == keys.size() ? keys : new ArrayList<>(once);
  }
}
