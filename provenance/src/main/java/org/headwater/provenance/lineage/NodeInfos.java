package org.headwater.provenance.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.internal.TripleLookups;

/**
 * Describes a node for display: kind, label, checksum and generating activity. One per walk: it
 * asks the node's {@link Facts} (one index scan on a TDB2 store) instead of one lookup per
 * property, and remembers the label of each generating activity (one run made many of the nodes).
 */
final class NodeInfos<K> {
  private final TripleLookups<K> lookups;
  private final Function<K, Facts<K>> facts;
  private final K type;
  private final K[] kinds;
  private final K[] labels;
  private final K variableName;
  private final K partOf;
  private final K downloadUrl;
  private final K checksum;
  private final K checksumValue;
  private final K generatedBy;
  private final K rdfsLabel;
  private final Map<K, String> activities = new HashMap<>();

  /** The kinds {@link #kinds} stands for, in the order they are tried. */
  private static final String[] KIND_NAMES = {"variable", "output", "source", "dataset", "recipe"};

  @SuppressWarnings("unchecked")
  NodeInfos(TripleLookups<K> lookups, Function<K, Facts<K>> facts) {
    this.lookups = lookups;
    this.facts = facts;
    this.type = key(RDF.type.asNode());
    this.kinds = (K[]) new Object[] {key(HW.Variable.asNode()), key(HW.Output.asNode()), key(HW.Source.asNode()),
        key(DCAT.Dataset.asNode()), key(PROV.Plan.asNode())};
    this.labels = (K[]) new Object[] {key(DCTerms.title.asNode()), key(RDFS.label.asNode()), key(HW.path.asNode())};
    this.variableName = key(HW.variableName.asNode());
    this.partOf = key(DCTerms.isPartOf.asNode());
    this.downloadUrl = key(DCAT.downloadURL.asNode());
    this.checksum = key(SPDX.checksum.asNode());
    this.checksumValue = key(SPDX.checksumValue.asNode());
    this.generatedBy = key(PROV.wasGeneratedBy.asNode());
    this.rdfsLabel = key(RDFS.label.asNode());
  }

  private K key(Node n) {
    return lookups.key(n);
  }

  /**
   * The least object of {@code p} in RDF term order, or null: the same choice whichever store
   * holds the graph (TDB2 lists objects in node-id order, an in-memory graph in hash order, and a
   * remote store's walk runs on a fetched in-memory copy).
   */
  private K first(Facts<K> f, K p) {
    List<K> all = f.objects(p);
    if (all.size() < 2) {
      return all.isEmpty() ? null : all.get(0);
    }
    K least = all.get(0);
    for (K k : all.subList(1, all.size())) {
      if (NodeCmp.compareRDFTerms(lookups.node(k), lookups.node(least)) < 0) {
        least = k;
      }
    }
    return least;
  }

  /** What node {@code n}, of which the graph says {@code f}, is. */
  LineageGraph.NodeInfo describe(Node n, Facts<K> f) {
    String kind = kind(f);
    String label = label(n, f, kind);
    String sha = null;
    K c = first(f, checksum);
    if (c != null) {
      K value = first(facts.apply(c), checksumValue);
      sha = value == null ? null : lookups.node(value).getLiteralLexicalForm();
    }
    String madeBy = null;
    K activity = first(f, generatedBy);
    if (activity != null) {
      madeBy = activities.computeIfAbsent(activity, a -> {
        K l = first(facts.apply(a), rdfsLabel);
        Node ln = l == null ? null : lookups.node(l);
        return ln != null && ln.isLiteral() ? ln.getLiteralLexicalForm() : lookups.node(a).toString();
      });
    }
    return new LineageGraph.NodeInfo(kind, label, sha, madeBy);
  }

  private String kind(Facts<K> f) {
    for (int i = 0; i < kinds.length; i++) {
      if (f.has(type, kinds[i])) {
        return KIND_NAMES[i];
      }
    }
    return "entity";
  }

  private String label(Node n, Facts<K> f, String kind) {
    if (kind.equals("variable")) {
      K name = first(f, variableName);
      K file = first(f, partOf);
      String fileLabel = "?";
      if (file != null) {
        Facts<K> ff = facts.apply(file);
        fileLabel = label(lookups.node(file), ff, kind(ff));
      }
      return (name == null ? n.toString() : lookups.node(name).getLiteralLexicalForm()) + " in " + fileLabel;
    }
    if (kind.equals("dataset")) {
      return n.isURI() ? n.getURI() : n.toString();
    }
    for (K p : labels) {
      K v = first(f, p);
      Node vn = v == null ? null : lookups.node(v);
      if (vn != null && vn.isLiteral()) {
        return vn.getLiteralLexicalForm();
      }
    }
    K urlKey = first(f, downloadUrl);
    Node url = urlKey == null ? null : lookups.node(urlKey);
    if (url != null && url.isURI()) {
      String u = url.getURI().replaceAll("[?#].*$", "").replaceAll("/+$", "");
      return u.substring(u.lastIndexOf('/') + 1);
    }
    return n.isURI() ? n.getURI() : n.toString();
  }
}
