package org.headwater.web.picture;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.web.read.Runs;
import org.headwater.web.view.Links;

/** Turns walked nodes into picture boxes: labels, links, and source files grouped. */
final class Boxes {
  private Boxes() {}

  /** One box per node; the source files of a group share one box. */
  static Map<Node, PictureNode> of(
      Graph g, Map<Node, LineageGraph.NodeInfo> info, Set<Node> targets, Set<List<Node>> edges, String base) {
    Map<Node, PictureNode> boxes = new LinkedHashMap<>();
    Map<String, List<Node>> groups = new LinkedHashMap<>();
    Map<Node, Set<String>> derived = new java.util.HashMap<>();
    for (List<Node> e : edges) {
      derived.computeIfAbsent(e.get(0), k -> new TreeSet<>()).add(e.get(1).toString());
    }
    for (Map.Entry<Node, LineageGraph.NodeInfo> e : info.entrySet()) {
      Node n = e.getKey();
      if (e.getValue().kind().equals("source") && !targets.contains(n)) {
        Node truth = truth(g, n);
        String into = String.join(" ", derived.getOrDefault(n, Set.of()));
        groups.computeIfAbsent((truth == null ? "" : truth.toString()) + " " + into, k -> new ArrayList<>()).add(n);
      }
    }
    for (List<Node> members : groups.values()) {
      if (members.size() > 1) {
        members.sort(java.util.Comparator.comparing(m -> info.get(m).label()));
        Node truth = truth(g, members.get(0));
        String from = truth == null ? "" : "\nof " + shortIri(truth.toString());
        PictureNode box = new PictureNode("n" + boxes.size(), members.size() + " source files" + from
            + "\n" + info.get(members.get(0)).label() + " … " + info.get(members.get(members.size() - 1)).label(),
            "group", truth == null ? null : base + Links.search(truth.toString()), members, false);
        members.forEach(m -> boxes.put(m, box));
      }
    }
    for (Map.Entry<Node, LineageGraph.NodeInfo> e : info.entrySet()) {
      Node n = e.getKey();
      if (!boxes.containsKey(n)) {
        boxes.put(n, single(g, n, e.getValue(), targets.contains(n), "n" + boxes.size(), base));
      }
    }
    return boxes;
  }

  private static PictureNode single(Graph g, Node n, LineageGraph.NodeInfo i, boolean target, String id, String base) {
    String kind = i.kind();
    String sha = i.sha256();
    String label = i.label();
    String href = null;
    switch (kind) {
      case "output" -> {
        Node path = first(g, n, HW.path.asNode());
        String runId = Runs.generatedBy(g, n);
        label = (path == null ? label : fileName(path.getLiteralLexicalForm())) + (runId == null ? "" : "\n" + runId);
        href = runId == null ? null : base + Links.dataset(runId) + (sha == null ? "" : "#output-" + sha);
      }
      case "source" -> href = sha == null ? null : base + Links.source(sha);
      case "dataset" -> {
        label = "source of truth\n" + shortIri(label);
        href = base + Links.search(n.toString());
      }
      default -> {
        if (n.isURI() && n.getURI().startsWith("https://doi.org/")) {
          kind = "published";
          label = "published as\ndoi:" + shortIri(n.getURI());
          href = base + Links.search(shortIri(n.getURI()));
        }
      }
    }
    if (sha != null && !kind.equals("published")) {
      label += "\nsha256:" + sha.substring(0, Math.min(12, sha.length()));
    }
    return new PictureNode(id, label, kind, href, List.of(n), target);
  }

  private static Node truth(Graph g, Node n) {
    Node t = first(g, n, PROV.hadPrimarySource.asNode());
    return t != null ? t : first(g, n, DCTerms.isPartOf.asNode());
  }

  static String shortIri(String iri) {
    return iri.replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static Node first(Graph g, Node s, Node p) {
    Iterator<Triple> it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      Iter.close(it);
    }
  }
}
