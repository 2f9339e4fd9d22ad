package org.headwater.provenance.lineage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.OWL;
import org.headwater.ontologies.NamedQuery;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.graph.Checksums;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.record.Secrets;

/**
 * Resolves a user's TARGET string to nodes of the store. A TARGET may be:
 *
 * <ul>
 *   <li>a path to a file or Zarr store: hashed (see {@link Checksums}) and found by content; append
 *       {@code #NAME} to name one of its variables ({@code outputs/speed.nc#speed});
 *   <li>a SHA-256 (64 hex digits, optionally prefixed {@code sha256:});
 *   <li>a DOI ({@code 10.…}, {@code doi:10.…} or {@code https://doi.org/10.…});
 *   <li>a URL a source was fetched from, an output location, an entity IRI;
 *   <li>a PID ({@code dcterms:identifier}, or its DataONE resolve URL).
 * </ul>
 *
 * <p>The string is only ever bound into parsed queries as an IRI or literal node (or hashed), so
 * no TARGET can change a query: a malformed or hostile one simply names nothing.
 */
public final class Targets {
  /** DataONE's resolve service, where a PID is also an IRI. */
  public static final String DATAONE_RESOLVE = "https://cn.dataone.org/cn/v2/resolve/";

  private Targets() {}

  /**
   * What resolving asks of a store: the embedded store answers from its union graph ({@link
   * #resolve(Dataset, String)}), a remote one asks its endpoint the same questions.
   */
  public interface Lookup {
    /** Whether {@code candidate} is a subject, or the object of prov:wasDerivedFrom or owl:sameAs. */
    boolean mentions(Node candidate);

    /** The entities of the named query {@code resolve-target.rq} with {@code ?iri} and {@code ?value} bound. */
    List<Node> named(Node iri, Node value);
  }

  /** The nodes {@code target} names in the dataset (call inside a read transaction). */
  public static List<Node> resolve(Dataset ds, String target) {
    Graph g = ds.asDatasetGraph().getUnionGraph();
    return resolve(target, new Lookup() {
      @Override
      public boolean mentions(Node c) {
        return g.contains(c, Node.ANY, Node.ANY)
            || g.contains(Node.ANY, PROV.wasDerivedFrom.asNode(), c)
            || g.contains(Node.ANY, OWL.sameAs.asNode(), c);
      }

      @Override
      public List<Node> named(Node iri, Node value) {
        List<Node> found = new ArrayList<>();
        try (QueryExec qe =
            QueryExec.dataset(ds.asDatasetGraph())
                .query(NamedQuery.RESOLVE_TARGET.query())
                .substitution("iri", iri)
                .substitution("value", value)
                .build()) {
          qe.select().forEachRemaining(row -> found.add(row.get("entity")));
        }
        return found;
      }
    });
  }

  /** The nodes {@code target} names, asking {@code lookup} about the candidates it stands for. */
  public static List<Node> resolve(String target, Lookup lookup) {
    // a source URL is recorded with its credentials taken out, so it is looked up the same way
    String t = target == null ? "" : Secrets.redact(target.trim());
    if (t.isEmpty()) {
      return List.of();
    }
    Set<Node> candidates = new LinkedHashSet<>();
    String hex = t.replaceFirst("(?i)^sha256[:/]", "");
    if (ProvIris.isSha256(hex)) {
      candidates.add(NodeFactory.createURI(ProvIris.file(hex)));
    }
    ProvIris.doi(t).ifPresent(doi -> candidates.add(NodeFactory.createURI(doi)));
    localFile(t).ifPresent(candidates::add);
    Optional<String> iri = absoluteIri(t);
    iri.ifPresent(i -> candidates.add(NodeFactory.createURI(i)));
    candidates.add(NodeFactory.createURI(DATAONE_RESOLVE + encode(t)));

    Set<Node> found = new LinkedHashSet<>();
    for (Node c : candidates) {
      if (lookup.mentions(c)) {
        found.add(c);
      }
    }
    Node iriNode = iri.map(NodeFactory::createURI).orElse(NodeFactory.createLiteralString(t));
    found.addAll(lookup.named(iriNode, NodeFactory.createLiteralString(t)));
    return new ArrayList<>(found);
  }

  private static Optional<Node> localFile(String t) {
    Path path;
    try {
      path = t.startsWith("file:") ? Path.of(URI.create(t)) : t.contains("://") ? null : Path.of(t);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    if (Files.exists(path)) {
      return Optional.of(NodeFactory.createURI(ProvIris.file(Checksums.sha256(path))));
    }
    int hash = t.lastIndexOf('#');
    if (hash > 0 && !t.startsWith("file:")) {
      try {
        Path file = Path.of(t.substring(0, hash));
        if (Files.exists(file)) {
          String sha = Checksums.sha256(file);
          return Optional.of(NodeFactory.createURI(ProvIris.variable(sha, t.substring(hash + 1))));
        }
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> absoluteIri(String t) {
    try {
      IRIx iri = IRIx.create(t);
      return iri.isAbsolute() && t.indexOf(':') > 1 ? Optional.of(iri.str()) : Optional.empty();
    } catch (IRIException e) {
      return Optional.empty();
    }
  }

  private static String encode(String pid) {
    return java.net.URLEncoder.encode(pid, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
