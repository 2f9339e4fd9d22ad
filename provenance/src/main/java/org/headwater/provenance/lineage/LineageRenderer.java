package org.headwater.provenance.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.lineage.LineageGraph.Edge;
import org.headwater.provenance.lineage.LineageGraph.NodeInfo;

/** Writes a {@link LineageGraph} as a tree, JSON, DOT or SVG (and Turtle, given the triples). */
public final class LineageRenderer {
  private static final int MAX_INDENT = 40;

  private LineageRenderer() {}

  /**
   * Writes {@code lineage} in {@code format}.
   *
   * @param description the triples of the nodes (see {@link Lineage#describe}); needed only for
   *     {@link LineageFormat#TURTLE}
   */
  public static void write(LineageGraph lineage, Graph description, LineageFormat format, OutputStream out)
      throws IOException {
    switch (format) {
      case TREE -> out.write(tree(lineage).getBytes(StandardCharsets.UTF_8));
      case JSON -> out.write(json(lineage).getBytes(StandardCharsets.UTF_8));
      case DOT -> out.write(dot(lineage).getBytes(StandardCharsets.UTF_8));
      case SVG -> out.write(Graphviz.svg(dot(lineage)));
      case TURTLE -> {
        description.getPrefixMapping().setNsPrefixes(org.headwater.provenance.graph.ProvenanceGraphs.prefixes());
        RDFDataMgr.write(out, description, RDFFormat.TURTLE_BLOCKS);
      }
    }
    out.flush();
  }

  /**
   * The tree text: one line per node, children indented; a node seen before is not expanded. The
   * arrow points from source to derived, so a line reads left to right as the data went: upstream
   * {@code output <- source} (came from), downstream {@code source -> output} (went into).
   */
  public static String tree(LineageGraph lineage) {
    String arrow = lineage.direction() == Lineage.Direction.DOWNSTREAM ? "-> " : "<- ";
    Map<Node, List<Edge>> children = new LinkedHashMap<>();
    for (Edge e : lineage.edges()) {
      children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
    StringBuilder sb = new StringBuilder();
    Set<Node> printed = new HashSet<>();
    Deque<Object[]> stack = new ArrayDeque<>(); // {node, level, relation}
    List<Node> targets = lineage.targets().stream().filter(lineage.info()::containsKey).toList();
    for (int i = targets.size() - 1; i >= 0; i--) {
      stack.push(new Object[] {targets.get(i), 0, null});
    }
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      Node node = (Node) top[0];
      int level = (Integer) top[1];
      boolean seen = !printed.add(node);
      sb.append(indent(level)).append(level == 0 ? "" : arrow);
      if (top[2] != null && !"wasDerivedFrom".equals(top[2])) {
        sb.append('(').append(top[2]).append(") ");
      }
      sb.append(line(lineage.info().get(node)));
      if (seen) {
        sb.append(" (see above)\n");
        continue;
      }
      sb.append('\n');
      List<Edge> kids = children.getOrDefault(node, List.of());
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(new Object[] {kids.get(i).to(), level + 1, kids.get(i).relation()});
      }
    }
    if (lineage.truncated()) {
      sb.append("... (more beyond --depth)\n");
    }
    return sb.toString();
  }

  private static String indent(int level) {
    if (level <= MAX_INDENT) {
      return "  ".repeat(level);
    }
    return "  ".repeat(MAX_INDENT) + "[" + level + "] ";
  }

  private static String line(NodeInfo info) {
    StringBuilder sb = new StringBuilder(info.label()).append(" [").append(info.kind()).append(']');
    if (info.sha256() != null) {
      sb.append(" sha256:").append(info.sha256(), 0, Math.min(12, info.sha256().length()));
    }
    if (info.madeBy() != null) {
      sb.append(" made by ").append(info.madeBy());
    }
    return sb.toString();
  }

  /** JSON: {@code {direction, targets, truncated, nodes: [...], edges: [...]}}. */
  public static String json(LineageGraph lineage) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("direction", lineage.direction().name().toLowerCase(Locale.ROOT));
    ArrayNode targets = root.putArray("targets");
    lineage.targets().forEach(t -> targets.add(t.toString()));
    root.put("truncated", lineage.truncated());
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : lineage.nodes()) {
      NodeInfo i = lineage.info().get(n);
      ObjectNode o = nodes.addObject().put("id", n.toString()).put("kind", i.kind()).put("label", i.label());
      o.put("sha256", i.sha256()).put("madeBy", i.madeBy()).put("depth", lineage.depth().get(n));
    }
    ArrayNode edges = root.putArray("edges");
    for (Edge e : lineage.edges()) {
      edges.addObject().put("from", e.from().toString()).put("to", e.to().toString()).put("relation", e.relation());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new ProvenanceException("cannot write lineage JSON: " + e.getMessage(), e);
    }
  }

  /** Graphviz DOT, labelled with file names, short checksums and the runs that made them. */
  public static String dot(LineageGraph lineage) {
    Map<Node, String> ids = new LinkedHashMap<>();
    lineage.nodes().forEach(n -> ids.put(n, "n" + ids.size()));
    StringBuilder sb = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
    sb.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
    for (Node n : lineage.nodes()) {
      NodeInfo i = lineage.info().get(n);
      String label = i.label() + (i.sha256() == null ? "" : "\nsha256:" + i.sha256().substring(0, Math.min(12, i.sha256().length())));
      sb.append("  ").append(ids.get(n)).append(" [label=").append(quote(label)).append(", shape=").append(shape(i.kind()));
      sb.append(lineage.targets().contains(n) ? ", penwidth=2" : "").append("];\n");
    }
    boolean upstream = lineage.direction() == Lineage.Direction.UPSTREAM;
    for (Edge e : lineage.edges()) {
      Node source = upstream ? e.to() : e.from();
      Node derived = upstream ? e.from() : e.to();
      String madeBy = lineage.info().get(derived).madeBy();
      sb.append("  ").append(ids.get(source)).append(" -> ").append(ids.get(derived));
      if (!"wasDerivedFrom".equals(e.relation())) {
        sb.append(" [style=dashed, label=").append(quote(e.relation())).append(']');
      } else if (madeBy != null) {
        sb.append(" [label=").append(quote(madeBy)).append(']');
      }
      sb.append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static String shape(String kind) {
    return switch (kind) {
      case "dataset" -> "cylinder";
      case "source" -> "note";
      case "variable" -> "ellipse";
      case "output" -> "box3d";
      default -> "box";
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
