package org.headwater.web.picture;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.store.LineageStore;

/**
 * A readable lineage picture: time flows left to right (sources of truth on the left, derived
 * datasets on the right), the files of one source of truth that went into the same places are one
 * box with their count, and every box links to its page. Laid out and drawn as SVG in Java ({@link
 * Layout}, {@link SvgPicture}): the graphs are small layered DAGs once members are grouped, so
 * drawing takes well under a millisecond, nothing is cached (a changed store can never show an old
 * picture), and serving needs no Graphviz. The same picture is DOT for {@code --format dot}.
 *
 * <pre>{@code
 * Picture p = store.read(ds -> LineagePicture.picture(LineageStore.unionGraph(ds), walks, ""));
 * String inline = p.svg();
 * }</pre>
 */
public final class LineagePicture {
  private LineagePicture() {}

  /**
   * The picture of the walks (upstream and/or downstream from the same targets).
   *
   * @param graph the graph walked (inside its read transaction), for labels and links
   * @param linkBase put before every page path: {@code ""} for pages, {@code http://host:port} for
   *     a picture saved to a file
   */
  public static Picture picture(Graph graph, List<LineageGraph> walks, String linkBase) {
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
    Map<String, List<PictureNode>> arrows = new LinkedHashMap<>(); // by ids: cheaper than hashing boxes
    Map<String, PictureNode> drawn = new LinkedHashMap<>();
    for (List<Node> e : edges) {
      PictureNode from = boxes.get(e.get(0));
      PictureNode to = boxes.get(e.get(1));
      if (from != null && to != null && from != to) {
        arrows.putIfAbsent(from.id() + " " + to.id(), List.of(from, to));
        drawn.putIfAbsent(from.id(), from);
        drawn.putIfAbsent(to.id(), to);
      }
    }
    targets.stream().map(boxes::get).filter(b -> b != null).forEach(b -> drawn.putIfAbsent(b.id(), b));
    return new Picture(List.copyOf(drawn.values()), List.copyOf(arrows.values()));
  }

  /**
   * The picture of what {@code target} names (a path, URL, SHA-256, PID or DOI, as {@code headwater
   * lineage} takes it), walked one way; {@code walk} is empty when it names nothing. It reads only
   * what the walk reads ({@link LineageStore#resolve}, {@link LineageStore#readLineage}), so a
   * remote store sends that part and never the whole store.
   */
  public static Drawing of(LineageStore store, String target, Lineage.Direction direction, int depth, String linkBase) {
    List<Node> targets = store.resolve(target);
    return store.readLineage(targets, direction, ds -> {
      Graph union = LineageStore.unionGraph(ds);
      LineageGraph walk = Lineage.walk(union, targets, direction, depth);
      return new Drawing(walk, picture(union, List.of(walk), linkBase));
    });
  }

  /** A walk and its picture. */
  public record Drawing(LineageGraph walk, Picture picture) {
    /** The picture as Graphviz DOT. */
    public String dot() {
      return picture.dot();
    }

    /** The picture as an SVG document. */
    public byte[] svg() {
      return picture.svgDocument();
    }
  }

  static String fill(String kind) {
    return switch (kind) {
      case "dataset" -> "#dbeafe";
      case "source", "group" -> "#fef3c7";
      case "output" -> "#dcfce7";
      case "published" -> "#ede9fe";
      default -> "#ffffff";
    };
  }
}
