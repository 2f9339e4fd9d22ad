package org.headwater.provenance.record;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recipe run: the content of {@code run.json}.
 *
 * @param runId unique id of the run (also the run directory's name)
 * @param status {@code "succeeded"} or {@code "failed"}
 * @param recipe the recipe identity and metadata, with the SHA-256 of the recipe file
 * @param started when the run started
 * @param ended when the run ended
 * @param software the software agent: Headwater, Java, Beam, NetCDF-Java versions and the runner
 * @param inputs every source file that was read, with its checksum
 * @param skipped sources that were missing and skipped under the {@code skip} policy
 * @param steps the steps applied, in order, with their parameters
 * @param outputs every output written, with its checksum and variables
 * @param error the one-line error of a failed run, or null
 * @param notes what combining the sources decided, e.g. {@code attributeConflicts}: global
 *     attributes that differed between files and were left out of the outputs (JSON-compatible)
 */
public record RunRecord(
    String runId,
    String status,
    RecipeInfo recipe,
    Instant started,
    Instant ended,
    SoftwareInfo software,
    List<InputRecord> inputs,
    List<SkippedInput> skipped,
    List<StepRecord> steps,
    List<OutputRecord> outputs,
    String error,
    Map<String, Object> notes)
    implements Serializable {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(recipe, "recipe");
    inputs = List.copyOf(inputs == null ? List.of() : inputs);
    skipped = List.copyOf(skipped == null ? List.of() : skipped);
    steps = List.copyOf(steps == null ? List.of() : steps);
    outputs = List.copyOf(outputs == null ? List.of() : outputs);
    notes = Map.copyOf(notes == null ? Map.of() : notes);
  }

  /** A record without combine notes. */
  public RunRecord(
      String runId,
      String status,
      RecipeInfo recipe,
      Instant started,
      Instant ended,
      SoftwareInfo software,
      List<InputRecord> inputs,
      List<SkippedInput> skipped,
      List<StepRecord> steps,
      List<OutputRecord> outputs,
      String error) {
    this(
        runId, status, recipe, started, ended, software, inputs, skipped, steps, outputs, error,
        Map.of());
  }

  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }
}
