package org.headwater.provenance.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreToken;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.remote.RemoteLineageStore;

/**
 * Store load throughput for run graphs, as the background loader loads them: each {@code prov.ttl}
 * into a fresh embedded TDB2 store ({@code replace(graph, file)}: parse, then one write
 * transaction) and over HTTP into a served store ({@code headwater serve}'s Fuseki on loopback,
 * one Graph Store Protocol PUT of the file with a token). Round 0 is what one background loader
 * (a fresh JVM) pays; later rounds are warm. See bench/provenance/README.md.
 *
 * <p>Args: {@code WORK_DIR ROUNDS PROV.TTL...}.
 */
public final class LoadBench {
  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    StoreToken token = StoreToken.of("load-bench");
    for (int round = 0; round < rounds; round++) {
      for (int i = 2; i < args.length; i++) {
        Path ttl = Path.of(args[i]);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(ttl).parse(g);
        long triples = g.size();
        String name = "urn:headwater:bench:" + round + ":" + i;
        Path dir = Files.createDirectories(work.resolve("r" + round + "-" + i));
        long t = System.nanoTime();
        try (TdbLineageStore s = LineageStore.open(dir.resolve("embedded"))) {
          s.replace(name, ttl);
        }
        report("embedded", round, ttl, triples, t);
        try (TdbLineageStore s = LineageStore.open(dir.resolve("served"));
            LineageServer server = LineageServer.start(s, "127.0.0.1", 0, token)) {
          RemoteLineageStore remote = RemoteLineageStore.connect(
              URI.create("http://127.0.0.1:" + server.port() + LineageServer.DATASET), token);
          t = System.nanoTime();
          remote.replace(name, ttl);
          report("served (GSP PUT)", round, ttl, triples, t);
          if (s.graphSize(name) != triples) {
            throw new IllegalStateException("the served store holds " + s.graphSize(name) + " of " + triples);
          }
        }
      }
    }
  }

  private static void report(String store, int round, Path ttl, long triples, long since) {
    long ms = (System.nanoTime() - since) / 1_000_000;
    System.out.printf("LOAD round %d %s %s: %,d triples in %,d ms = %,.0f triples/s%n",
        round, store, ttl, triples, ms, triples * 1000.0 / Math.max(ms, 1));
  }
}
