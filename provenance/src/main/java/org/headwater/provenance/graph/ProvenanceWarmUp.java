package org.headwater.provenance.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;

/**
 * Readies a JVM to record a run's provenance quickly: records a made-up run ({@code
 * warm-up-run.json}, its one input repeated {@value #INPUTS} times) as a run's commit does (build,
 * SHACL, Turtle), keeping nothing. Besides initialising Jena and compiling the shapes, this loads
 * and compiles the code the commit runs, which then builds, checks and writes a run's graph 1.5-2x
 * faster than cold code does (bench/provenance/README.md). A run starts it on a background thread
 * while its pipeline is being built, when one core is mostly idle.
 */
public final class ProvenanceWarmUp {
  /** Inputs in the made-up run: enough for the per-input code to be compiled, little work. */
  static final int INPUTS = 64;

  private static final String RUN = "warm-up-run.json";

  private ProvenanceWarmUp() {}

  /**
   * Records the made-up run and throws its graph away.
   *
   * @throws IllegalStateException when the made-up run's graph does not conform (a bug here, or
   *     shapes that no longer match what the builder makes)
   */
  public static void run() {
    Model graph = ProvenanceGraphs.buildUnvalidated(sample(), null);
    List<ProvenanceValidator.Problem> problems = ProvenanceValidator.validate(graph.getGraph());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the warm-up run's provenance does not conform: " + problems.get(0));
    }
    TurtleBlocks.write(graph.getGraph(), graph, OutputStream.nullOutputStream());
  }

  /** The made-up run, with {@value #INPUTS} inputs. */
  static RunRecord sample() {
    RunRecord r;
    try (InputStream in = ProvenanceWarmUp.class.getResourceAsStream(RUN)) {
      if (in == null) {
        throw new IllegalStateException(RUN + " is missing from the provenance jar");
      }
      r = RunRecords.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RUN + " from the provenance jar", e);
    }
    InputRecord one = r.inputs().get(0);
    List<InputRecord> inputs = new ArrayList<>();
    for (int i = 1; i <= INPUTS; i++) {
      inputs.add(new InputRecord(one.url().replace(".nc", i + ".nc"), one.sourceOfTruth(),
          String.format("%064x", i + 16), one.size(), one.retrieved(), one.etag(), one.lastModified(),
          one.fileType(), Map.of("member", Integer.toString(i)), one.fromCache(), one.variables()));
    }
    return new RunRecord(r.runId(), r.status(), r.recipe(), r.started(), r.ended(), r.software(), inputs,
        r.skipped(), r.steps(), r.outputs(), r.error(), r.notes());
  }
}
