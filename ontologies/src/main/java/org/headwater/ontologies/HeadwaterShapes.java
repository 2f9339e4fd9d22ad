package org.headwater.ontologies;

import java.io.InputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The SHACL shapes every Headwater provenance graph must satisfy ({@code shapes.ttl}), parsed
 * once. Shape IRIs are in {@link #NS}, e.g. {@code hwsh:OutputGeneration}.
 */
public final class HeadwaterShapes {
  /** Namespace of the shape IRIs, {@value}. */
  public static final String NS = "https://w3id.org/headwater/shapes#";

  /** Classpath location of the shapes in Turtle. */
  public static final String RESOURCE = "/org/headwater/ontologies/shapes.ttl";

  private static volatile Shapes shapes;

  private HeadwaterShapes() {}

  /** The parsed shapes, shared and immutable. */
  public static Shapes shapes() {
    Shapes s = shapes;
    if (s == null) {
      synchronized (HeadwaterShapes.class) {
        if (shapes == null) {
          shapes = Shapes.parse(graph());
        }
        s = shapes;
      }
    }
    return s;
  }

  /** A fresh copy of the shapes graph. */
  public static Graph graph() {
    return load(RESOURCE);
  }

  /** A fresh copy of the Headwater vocabulary graph ({@code headwater.ttl}). */
  public static Graph vocabulary() {
    return load(HW.TURTLE_RESOURCE);
  }

  private static Graph load(String resource) {
    Graph g = GraphFactory.createDefaultGraph();
    try (InputStream in = HeadwaterShapes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      RDFParser.source(in).lang(Lang.TURTLE).parse(g);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + resource, e);
    }
    return g;
  }
}
