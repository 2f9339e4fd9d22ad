package org.headwater.provenance.lineage;

import java.util.Locale;

/** How {@code headwater lineage} prints a {@link LineageGraph}. */
public enum LineageFormat {
  /** Indented text tree, targets at the top (the default). */
  TREE,
  /** The PROV triples of every node reached, in Turtle. */
  TURTLE,
  /** Nodes and edges as JSON. */
  JSON,
  /** A Graphviz DOT graph, arrows in the direction data flowed. */
  DOT,
  /** The DOT graph drawn as SVG by Graphviz {@code dot} (Debian package {@code graphviz}). */
  SVG;

  /** Parses {@code tree|turtle|json|dot|svg}, ignoring case. */
  public static LineageFormat parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format must be tree, turtle, json, dot or svg: " + s, e);
    }
  }
}
