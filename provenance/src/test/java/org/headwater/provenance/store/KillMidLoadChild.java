package org.headwater.provenance.store;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * Child process for {@link LineageStoreKillIT}: loads complete graphs 0..2, then starts graph 3
 * and, halfway through it (inside the write transaction), prints {@code MID} and blocks until the
 * parent kills it.
 */
public final class KillMidLoadChild {
  static final int TRIPLES = 10_000;
  static final int COMPLETE = 3;

  private KillMidLoadChild() {}

  public static void main(String[] args) {
    TdbLineageStore store = LineageStore.open(Path.of(args[0]));
    for (int i = 0; i <= COMPLETE; i++) {
      Graph g = graph(i);
      if (i == COMPLETE) {
        g = new GraphWrapper(g) {
          @Override
          public ExtendedIterator<Triple> find() {
            var inner = get().find();
            return WrappedIterator.create(new java.util.Iterator<Triple>() {
              int n;

              @Override
              public boolean hasNext() {
                return inner.hasNext();
              }

              @Override
              public Triple next() {
                if (++n == TRIPLES / 2) {
                  System.out.println("MID");
                  System.out.flush();
                  try {
                    System.in.read(); // blocks until killed
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }
                return inner.next();
              }
            });
          }
        };
      }
      store.replace(name(i), g);
      System.out.println("COMMITTED " + i);
      System.out.flush();
    }
  }

  static String name(int i) {
    return "urn:test:run:" + i;
  }

  static Graph graph(int i) {
    Graph g = GraphFactory.createDefaultGraph();
    for (int t = 0; t < TRIPLES; t++) {
      g.add(Triple.create(NodeFactory.createURI("urn:test:e:" + i + ":" + t),
          NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
          NodeFactory.createURI("urn:test:e:" + i + ":" + (t + 1))));
    }
    return g;
  }
}
