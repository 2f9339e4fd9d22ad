package org.headwater.provenance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.graph.ProvenanceValidator;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;

/**
 * Times the provenance part of a recipe run (what {@code RecipeRunner.commit} does after the
 * pipeline) on a real run's {@code run.json}, phase by phase, in a fresh JVM: the first round is
 * what one {@code headwater run} pays (cold classes, shapes parsed, store created), later rounds
 * are warm. See bench/provenance/README.md.
 *
 * <p>Args: {@code RUN_DIR WORK_DIR ROUNDS}.
 */
public final class CaptureBench {
  private CaptureBench() {}

  public static void main(String[] args) throws Exception {
    RunRecord record = RunRecords.read(Path.of(args[0]));
    Path work = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    for (int round = 0; round < rounds; round++) {
      Path dir = Files.createDirectories(work.resolve("round" + round));
      Map<String, Long> ms = new LinkedHashMap<>();
      long t = System.nanoTime();
      Model prov = ProvenanceGraphs.buildUnvalidated(record, dir);
      t = lap(ms, "build", t);
      List<ProvenanceValidator.Problem> problems = new ArrayList<>(ProvenanceValidator.validate(prov.getGraph()));
      t = lap(ms, "validate", t);
      ProvenanceWriter.write(prov, dir);
      t = lap(ms, "write ttl+jsonld", t);
      TdbLineageStore store = LineageStore.open(dir.resolve("lineage"));
      t = lap(ms, "store open", t);
      store.load(record.runId(), prov);
      t = lap(ms, "store load", t);
      store.close();
      lap(ms, "store close", t);
      long total = ms.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("CAPTURE round %d: %,d triples, %d problems; %s; total %d ms%n",
          round, prov.size(), problems.size(), ms, total);
    }
  }

  private static long lap(Map<String, Long> ms, String phase, long since) {
    long now = System.nanoTime();
    ms.put(phase, (now - since) / 1_000_000);
    return now;
  }
}
