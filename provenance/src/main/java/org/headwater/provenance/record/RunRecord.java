package org.headwater.provenance.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recipe run: the content of {@code run.json}.
 *
 * @param runId unique id of the run (also the run directory's name)
 * @param status {@code "succeeded"}, {@code "failed"}, or {@code "running"} while the run is under
 *     way (written at its start, so a directory whose process died keeps saying so; see {@link
 *     RunRecords#state})
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
 * @param process the process running it, while {@code status} is {@code running}; else null
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
    Map<String, Object> notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) RunProcess process)
    implements Serializable {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String RUNNING = "running";

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

  /** A finished record (no running process). */
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
      String error,
      Map<String, Object> notes) {
    this(runId, status, recipe, started, ended, software, inputs, skipped, steps, outputs, error, notes, null);
  }

  /**
   * The record written when a run starts: status {@code running}, this process, no end yet.
   *
   * @param software the software agent
   */
  public static RunRecord running(String runId, RecipeInfo recipe, Instant started, SoftwareInfo software) {
    return new RunRecord(runId, RUNNING, recipe, started, null, software, List.of(), List.of(), List.of(),
        List.of(), null, Map.of(), RunProcess.current());
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

  /** Whether the run is complete and succeeded (never true of a running or failed record). */
  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }
}
