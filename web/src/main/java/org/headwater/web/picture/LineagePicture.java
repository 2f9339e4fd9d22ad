package org.headwater.web.picture;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.headwater.provenance.lineage.Graphviz;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.lineage.Targets;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.lineage.Targets;
import org.headwater.provenance.store.LineageStore;

/**
 * A readable lineage picture: time flows left to right (sources of truth on the left, derived
 * datasets on the right), the files of one source of truth that went into the same places are one
 * box with their count, and every box links to its page. Drawn by Graphviz {@code dot} as SVG
 * (its {@code URL} attributes become SVG {@code <a>} links).
 *
 * <pre>{@code
 * String dot = store.read(ds -> LineagePicture.dot(LineageStore.unionGraph(ds), walks, ""));
 * byte[] svg = LineagePicture.svg(dot);
 * }</pre>
 */
public final class LineagePicture {
  static final int CACHED = 256;

  private static final Map<String, String> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED;
    }
  };

  private LineagePicture() {}

  /**
   * The DOT text of the walks (upstream and/or downstream from the same targets).
   *
   * @param graph the graph walked (inside its read transaction), for labels and links
   * @param linkBase put before every page path: {@code ""} for pages, {@code http://host:port} for
   *     a picture saved to a file
   */
  public static String dot(Graph graph, List<LineageGraph> walks, String linkBase) {
    Set<Node> targets = new LinkedHashSet<>();
    Map<Node, LineageGraph.NodeInfo> info = new LinkedHashMap<>();
    Set<List<Node>> edges = new LinkedHashSet<>(); // {source, derived}
    for (LineageGraph w : walks) {
      targets.addAll(w.targets());
      info.putAll(w.info());
      boolean up = w.direction() == Lineage.Direction.UPSTREAM;
      for (LineageGraph.Edge e : w.edges()) {
        if (e.relation().equals("sameAs")) {
          continue; // the same content under another name: not a step in time
        }
        edges.add(up ? List.of(e.to(), e.from()) : List.of(e.from(), e.to()));
      }
    }
    Map<Node, PictureNode> boxes = Boxes.of(graph, info, targets, edges, linkBase);
    StringBuilder sb = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
    sb.append("  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n");
    sb.append("  edge [color=\"#555555\"];\n");
    Set<String> arrows = new TreeSet<>();
    Set<PictureNode> drawn = new LinkedHashSet<>();
    for (List<Node> e : edges) {
      PictureNode from = boxes.get(e.get(0));
      PictureNode to = boxes.get(e.get(1));
      if (from != null && to != null && from != to) {
        arrows.add("  " + from.id() + " -> " + to.id() + ";\n");
        drawn.add(from);
        drawn.add(to);
      }
    }
    targets.stream().map(boxes::get).filter(b -> b != null).forEach(drawn::add);
    for (PictureNode b : drawn) {
      sb.append("  ").append(b.id()).append(" [label=").append(quote(b.label()))
          .append(", shape=").append(shape(b.kind())).append(", fillcolor=").append(quote(fill(b.kind())));
      if (b.href() != null) {
        sb.append(", URL=").append(quote(b.href())).append(", target=\"_top\", tooltip=").append(quote(b.label()));
      }
      sb.append(b.target() ? ", penwidth=2.5" : "").append("];\n");
    }
    arrows.forEach(sb::append);
    return sb.append("}\n").toString();
  }

  /**
   * The SVG of {@code dot}, without the XML prolog, ready to put inline in a page. Pictures are
   * kept (the last {@value #CACHED} drawn): the served store does not change while it is served
   * (one process has it open), so the same DOT always draws the same picture.
   */
  public static String inlineSvg(String dot) {
    synchronized (CACHE) {
      String svg = CACHE.get(dot);
      if (svg != null) {
        return svg;
      }
    }
    String svg = new String(Graphviz.svg(dot), StandardCharsets.UTF_8);
    int start = svg.indexOf("<svg");
    String inline = start < 0 ? svg : svg.substring(start);
    synchronized (CACHE) {
      CACHE.put(dot, inline);
    }
    return inline;
  }

  /**
   * The picture of what {@code target} names (a path, URL, SHA-256, PID or DOI, as {@code headwater
   * lineage} takes it), walked one way, as DOT; {@code walk} is empty when it names nothing.
   */
  public static Drawing of(LineageStore store, String target, Lineage.Direction direction, int depth, String linkBase) {
    return store.read(ds -> {
      Graph union = LineageStore.unionGraph(ds);
      LineageGraph walk = Lineage.walk(union, Targets.resolve(ds, target), direction, depth);
      return new Drawing(walk, dot(union, List.of(walk), linkBase));
    });
  }

  /** A walk and its picture in DOT. */
  public record Drawing(LineageGraph walk, String dot) {}

  /** The SVG document of {@code dot}. */
  public static byte[] svg(String dot) {
    return Graphviz.svg(dot);
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

  private static String fill(String kind) {
    return switch (kind) {
      case "dataset" -> "#dbeafe";
      case "source", "group" -> "#fef3c7";
      case "output" -> "#dcfce7";
      case "published" -> "#ede9fe";
      default -> "#ffffff";
    };
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
