package org.headwater.cli.lineage;

import org.headwater.provenance.Plural;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.headwater.provenance.lineage.StaleCheck;
import org.headwater.provenance.lineage.StaleSource;
import org.headwater.provenance.store.LineageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code headwater stale [--all]}: re-check recorded sources, list outputs made from changed ones. */
@Command(
    name = "stale",
    mixinStandardHelpOptions = true,
    description = "Re-check every source in the lineage store (HTTP HEAD/ETag, or re-hash for file: URLs)"
        + " and list derived outputs whose sources changed since they were made.")
public final class StaleCommand implements Callable<Integer> {
  @Option(names = "--all", description = "Also list sources that are unchanged or could not be checked.")
  boolean all;

  @Mixin StoreOption store;

  @Override
  public Integer call() {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(20)).readTimeout(Duration.ofMinutes(5)).build();
    List<StaleSource> results;
    try (LineageStore s = store.open()) {
      results = new StaleCheck(http).run(s);
    }
    long stale = 0;
    long unchecked = 0;
    for (StaleSource r : results) {
      if (r.isStale()) {
        stale++;
      } else {
        unchecked += r.status() == StaleSource.Status.UNKNOWN ? 1 : 0;
        if (!all) {
          continue;
        }
      }
      System.out.println(r.status() + " " + r.url() + " (" + r.reason() + ")");
      r.affectedOutputs().forEach(o -> System.out.println("  stale output: " + o));
    }
    System.out.println(stale + " of " + Plural.count(results.size(), "source") + " changed or missing"
        + (unchecked == 0 ? "" : "; " + unchecked + " could not be checked" + (all ? "" : " (--all lists them)")));
    return 0;
  }
}
