package org.headwater.cli.lineage;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.web.WebPages;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.StoreToken;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.provenance.store.pending.PendingGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code headwater serve [--port 3030] [--bind 127.0.0.1] [--token-file FILE]}: the lineage web
 * pages and SPARQL over the store for everyone; graph writes (Graph Store Protocol at
 * /lineage/data) only with the token.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the lineage store: web pages at / and the SPARQL 1.1 protocol at /lineage/sparql (read-only for everyone).",
      "With a token (--token-file FILE or $HEADWATER_STORE_TOKEN) it also takes runs' graphs at /lineage/data"
          + " from clients that send it: 'headwater run --store http://HOST:PORT/lineage'."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "3030", description = "TCP port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 exposes it to the network. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the bearer token that allows graph writes (else $HEADWATER_STORE_TOKEN;"
          + " neither: read-only).")
  Path tokenFile;

  @Mixin StoreOption store;

  @Override
  public Integer call() {
    StoreToken token = StoreToken.fromFileOrEnv(tokenFile).orElse(null);
    Path dir = store.location();
    try (TdbLineageStore s = LineageStore.open(dir);
        LineageServer server = LineageServer.start(s, bind, port, token, WebPages.over(s))) {
      Path spool = PendingGraphs.spool(StoreTarget.embedded(dir));
      PendingGraphs.flush(s, spool).warnIfWaiting(spool);
      System.out.println("Web pages: " + server.root());
      System.out.println("SPARQL endpoint: " + server.endpoint() + (token == null
          ? " (read-only; Ctrl-C stops)"
          : " (graph writes with the token at " + server.endpoint().replaceFirst("/sparql$", "/data")
              + "; Ctrl-C stops)"));
      server.join();
    }
    return 0;
  }
}
