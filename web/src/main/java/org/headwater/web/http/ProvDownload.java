package org.headwater.web.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.store.LineageStore;

/**
 * The PROV behind a page, for {@code Accept: text/turtle} or {@code application/ld+json} (or
 * {@code ?format=ttl|jsonld}) on the page's own URL: a run's or dataset's whole run graph, or a
 * source file's own triples.
 */
public final class ProvDownload {
  /** A PROV serialisation a client can ask for. */
  public enum Format {
    TURTLE("text/turtle", RDFFormat.TURTLE_BLOCKS, "ttl"),
    JSONLD("application/ld+json", RDFFormat.JSONLD11_PLAIN, "jsonld");

    final String mediaType;
    final RDFFormat rdf;
    final String extension;

    Format(String mediaType, RDFFormat rdf, String extension) {
      this.mediaType = mediaType;
      this.rdf = rdf;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  private ProvDownload() {}

  /**
   * What the client asked for: {@code format} ({@code ttl}, {@code jsonld}) when given, else the
   * Accept header; empty for HTML (browsers ask for {@code text/html}).
   */
  public static Optional<Format> negotiate(String format, String accept) {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "ttl", "turtle" -> Optional.of(Format.TURTLE);
        case "jsonld", "json-ld" -> Optional.of(Format.JSONLD);
        default -> Optional.empty();
      };
    }
    String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    if (a.contains("text/html") || a.isBlank()) {
      return Optional.empty();
    } else if (a.contains("text/turtle") || a.contains("application/x-turtle")) {
      return Optional.of(Format.TURTLE);
    } else if (a.contains("application/ld+json")) {
      return Optional.of(Format.JSONLD);
    }
    return Optional.empty();
  }

  /** The run's graph; empty when the store does not hold it. */
  public static Optional<Graph> run(LineageStore store, String runId) {
    String name = ProvenanceGraphs.graphName(runId);
    return store.read(ds -> {
      Node g = NodeFactory.createURI(name);
      if (!ds.asDatasetGraph().containsGraph(g)) {
        return Optional.empty();
      }
      Graph copy = GraphFactory.createDefaultGraph();
      ds.asDatasetGraph().getGraph(g).find().forEachRemaining(copy::add);
      return Optional.of(copy);
    });
  }

  /** A file's own triples and its checksum's; empty when the store says nothing about it. */
  public static Optional<Graph> file(LineageStore store, String sha256) {
    if (!ProvIris.isSha256(sha256)) {
      return Optional.empty();
    }
    Node file = NodeFactory.createURI(ProvIris.file(sha256));
    return store.read(ds -> {
      Graph union = LineageStore.unionGraph(ds);
      Graph out = GraphFactory.createDefaultGraph();
      union.find(file, Node.ANY, Node.ANY).forEachRemaining(t -> {
        out.add(t);
        if (t.getObject().isURI() && t.getObject().getURI().startsWith(file.getURI() + "#")) {
          union.find(t.getObject(), Node.ANY, Node.ANY).forEachRemaining(out::add);
        }
      });
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    });
  }

  /** Writes {@code graph} with the project's prefixes. */
  public static void write(Graph graph, Format format, OutputStream out) throws IOException {
    graph.getPrefixMapping().setNsPrefixes(ProvenanceGraphs.prefixes());
    RDFDataMgr.write(out, graph, format.rdf);
    out.flush();
  }
}
