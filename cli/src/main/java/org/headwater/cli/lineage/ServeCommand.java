package org.headwater.cli.lineage;

import java.util.concurrent.Callable;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.WebPages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code headwater serve [--port 3030] [--bind 127.0.0.1]}: the lineage web pages and read-only
 * SPARQL over the store.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the lineage store read-only: web pages at / and the SPARQL 1.1 protocol at /lineage/sparql.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "3030", description = "TCP port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 exposes it to the network. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Mixin StoreOption store;

  @Override
  public Integer call() {
    try (LineageStore s = store.open();
        LineageServer server = LineageServer.start(s, bind, port, WebPages.over(s))) {
      System.out.println("Web pages: " + server.root());
      System.out.println("SPARQL endpoint: " + server.endpoint() + " (read-only; Ctrl-C stops)");
      server.join();
    }
    return 0;
  }
}
