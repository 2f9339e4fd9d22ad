package org.headwater.provenance.lineage;

import java.util.Iterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.SPDX;

/** Describes a node for display: kind, label, checksum and generating activity. */
final class NodeInfos {
  private NodeInfos() {}

  static LineageGraph.NodeInfo describe(Graph g, Node n) {
    String kind = kind(g, n);
    String label = label(g, n, kind);
    String sha = null;
    Node checksum = first(g, n, SPDX.checksum.asNode());
    if (checksum != null) {
      Node value = first(g, checksum, SPDX.checksumValue.asNode());
      sha = value == null ? null : value.getLiteralLexicalForm();
    }
    String madeBy = null;
    Node activity = first(g, n, PROV.wasGeneratedBy.asNode());
    if (activity != null) {
      Node l = first(g, activity, RDFS.label.asNode());
      madeBy = l != null && l.isLiteral() ? l.getLiteralLexicalForm() : activity.toString();
    }
    return new LineageGraph.NodeInfo(kind, label, sha, madeBy);
  }

  private static String kind(Graph g, Node n) {
    if (is(g, n, HW.Variable.asNode())) {
      return "variable";
    } else if (is(g, n, HW.Output.asNode())) {
      return "output";
    } else if (is(g, n, HW.Source.asNode())) {
      return "source";
    } else if (is(g, n, DCAT.Dataset.asNode())) {
      return "dataset";
    } else if (is(g, n, PROV.Plan.asNode())) {
      return "recipe";
    }
    return "entity";
  }

  private static String label(Graph g, Node n, String kind) {
    if (kind.equals("variable")) {
      Node name = first(g, n, HW.variableName.asNode());
      Node file = first(g, n, DCTerms.isPartOf.asNode());
      String fileLabel = file == null ? "?" : label(g, file, kind(g, file));
      return (name == null ? n.toString() : name.getLiteralLexicalForm()) + " in " + fileLabel;
    }
    if (kind.equals("dataset")) {
      return n.isURI() ? n.getURI() : n.toString();
    }
    for (Node p : new Node[] {DCTerms.title.asNode(), RDFS.label.asNode(), HW.path.asNode()}) {
      Node v = first(g, n, p);
      if (v != null && v.isLiteral()) {
        return v.getLiteralLexicalForm();
      }
    }
    Node url = first(g, n, DCAT.downloadURL.asNode());
    if (url != null && url.isURI()) {
      String u = url.getURI().replaceAll("[?#].*$", "").replaceAll("/+$", "");
      return u.substring(u.lastIndexOf('/') + 1);
    }
    return n.isURI() ? n.getURI() : n.toString();
  }

  private static boolean is(Graph g, Node n, Node type) {
    return g.contains(n, RDF.type.asNode(), type);
  }

  /** The least object (in RDF term order, so the same whichever store holds the graph), or null. */
  static Node first(Graph g, Node s, Node p) {
    Iterator<Triple> it = g.find(s, p, Node.ANY);
    Node least = null;
    try {
      while (it.hasNext()) {
        Node o = it.next().getObject();
        if (least == null || NodeCmp.compareRDFTerms(o, least) < 0) {
          least = o;
        }
      }
      return least;
    } finally {
      org.apache.jena.atlas.iterator.Iter.close(it);
    }
  }
}
