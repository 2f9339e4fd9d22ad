package org.headwater.cli.lineage;

import java.nio.file.Path;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreTarget;
import org.headwater.provenance.store.StoreToken;
import picocli.CommandLine.Option;

/** The {@code --store DIR|URL} and {@code --store-token-file FILE} options shared by the lineage commands. */
public final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "DIR|URL",
      description =
          "Lineage store: a directory (default: $HEADWATER_HOME/lineage, else ~/.headwater/lineage) or a"
              + " SPARQL endpoint http(s)://HOST:PORT/DATASET written with the Graph Store Protocol"
              + " (e.g. 'headwater serve' at http://127.0.0.1:3030/lineage).")
  String store;

  @Option(
      names = "--store-token-file",
      paramLabel = "FILE",
      description = "File holding the bearer token for graph writes to a remote store"
          + " (else $HEADWATER_STORE_TOKEN). Never give the token itself on the command line.")
  Path tokenFile;

  /** The chosen store, loading in this process. */
  public StoreTarget target() {
    String location = store != null ? store : LineageStore.defaultLocation().toString();
    return new StoreTarget(location, StoreToken.fromFileOrEnv(tokenFile).orElse(null), false);
  }

  /** Opens the chosen store, loading the graphs that wait for it first. */
  public LineageStore open() {
    return target().open();
  }

  /** The chosen embedded store's directory; a URL is refused, naming the command's need. */
  public Path location() {
    StoreTarget t = target();
    if (t.isRemote()) {
      throw new ProvenanceException("--store " + t.location() + ": this command needs a store directory,"
          + " not a URL (serve a directory with 'headwater serve --store DIR')");
    }
    return t.directory();
  }

  /** The chosen directory, or {@code fallback} when {@code --store} was not given. */
  public Path locationOr(Path fallback) {
    return store != null ? location() : fallback;
  }
}
