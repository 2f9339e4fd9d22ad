package org.headwater.web.picture;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A lineage picture before it is drawn: its boxes and the arrows between them (from a source to
 * what was derived from it). {@link #svg()} lays it out and draws it in Java ({@link Layout}); {@link
 * #dot()} is the same picture as Graphviz DOT, for {@code headwater lineage --format dot}.
 *
 * @param boxes the boxes drawn, in a stable order
 * @param arrows pairs {source box, derived box}
 */
public record Picture(List<PictureNode> boxes, List<List<PictureNode>> arrows) {
  public Picture {
    boxes = List.copyOf(boxes);
    arrows = arrows.stream().map(List::copyOf).toList();
  }

  /** The picture as inline SVG (no XML prolog), ready to put in a page as it is. */
  public String svg() {
    return SvgPicture.of(Layout.of(boxes, arrows));
  }

  /** The picture as an SVG document, for a file. */
  public byte[] svgDocument() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + svg())
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The picture as Graphviz DOT ({@code rankdir=LR}: time flows left to right). */
  public String dot() {
    StringBuilder sb = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
    sb.append("  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n");
    sb.append("  edge [color=\"#555555\"];\n");
    for (PictureNode b : boxes) {
      sb.append("  ").append(b.id()).append(" [label=").append(quote(b.label()))
          .append(", shape=").append(shape(b.kind())).append(", fillcolor=")
          .append(quote(LineagePicture.fill(b.kind())));
      if (b.href() != null) {
        sb.append(", URL=").append(quote(b.href())).append(", target=\"_top\", tooltip=").append(quote(b.label()));
      }
      sb.append(b.target() ? ", penwidth=2.5" : "").append("];\n");
    }
    Set<String> lines = new TreeSet<>();
    arrows.forEach(a -> lines.add("  " + a.get(0).id() + " -> " + a.get(1).id() + ";\n"));
    lines.forEach(sb::append);
    return sb.append("}\n").toString();
  }

  private static String shape(String kind) {
    return switch (kind) {
      case "dataset" -> "cylinder";
      case "source" -> "note";
      case "group" -> "folder";
      case "output" -> "box3d";
      case "published" -> "doubleoctagon";
      default -> "box";
    };
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
