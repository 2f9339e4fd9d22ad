package org.headwater.cli.lineage;

import java.nio.file.Path;
import org.headwater.provenance.store.LineageStore;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by the lineage commands. */
public final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "Lineage store directory (default: $HEADWATER_HOME/lineage, else ~/.headwater/lineage).")
  Path dir;

  /** Opens the chosen store. */
  LineageStore open() {
    return LineageStore.open(location());
  }

  /** The chosen store's directory. */
  public Path location() {
    return dir != null ? dir : LineageStore.defaultLocation();
  }

  /** The chosen directory, or {@code fallback} when {@code --store} was not given. */
  public Path locationOr(Path fallback) {
    return dir != null ? dir : fallback;
  }
}
