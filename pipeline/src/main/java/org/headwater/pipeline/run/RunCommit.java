package org.headwater.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.beam.RunScope;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.stac.StacCatalog;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.FetchedRecords;
import org.headwater.pipeline.plan.RunRecordFiles;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.Steps;
import org.headwater.provenance.Plural;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.Secrets;
import org.headwater.provenance.record.SkippedInput;
import org.headwater.provenance.record.StepRecord;

/**
 * Ends a run, whether a recipe or a pipeline written in code made it: assembles the run record
 * from what the pipeline handed over in {@code .records/} (the plans of the datasets it read and
 * wrote, the output records), records the PROV graph ({@link ProvenanceCapture}), moves the
 * outputs into place and writes {@code run.json}; or, for a failed run, deletes what it staged and
 * writes a {@code run.json} whose status is {@code failed}.
 *
 * @param recipe the recipe, or the plan of a pipeline written in code
 * @param runId the run's id
 * @param runDir the run directory
 * @param started when the run started
 * @param options the run options
 */
record RunCommit(Recipe recipe, String runId, Path runDir, Instant started, RunOptions options) {
  RunRecord commit(ProvenanceCapture capture) {
    Path records = runDir.resolve(".records");
    try {
      List<DatasetPlan> plans = RunRecordFiles.read(records, RunScope.PLAN_RECORDS, DatasetPlan.class);
      List<OutputRecord> outputs = RunRecordFiles.read(records, RunScope.OUTPUT_RECORDS, OutputRecord.class);
      if (outputs.size() != recipe.outputs().size()) {
        throw new RecipeException(
            "the run wrote " + outputs.size() + " of " + Plural.count(recipe.outputs().size(), "output")
                + "; see the log");
      }
      outputs.sort(Comparator.comparing(OutputRecord::name));
      RunRecord record =
          new RunRecord(
              runId, RunRecord.SUCCEEDED, recipe.info(), started, Instant.now(),
              Versions.software(Runners.name(options)), inputs(plans), skipped(plans),
              steps(plans), outputs, null, notes(plans));
      // the outputs are moved and the STAC catalogue written while the graph is checked and written
      capture.record(record, runDir, options.provJsonLd(), () -> placeOutputs(record), this::publishOutputs);
      RunRecords.write(record, runDir);
      capture.store(runDir);
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit run " + runId + ": " + e.getMessage(), e);
    }
  }

  /** Moves the outputs into place, then writes what is written from the record ({@link AfterCommit}). */
  private void placeOutputs(RunRecord record) {
    moveOutputs();
    try {
      for (AfterCommit hook : AfterCommit.ALL) {
        hook.committed(record, runDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit run " + runId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves the finished outputs from staging into {@code outputs/} (renames; {@link #fail} removes
   * them again if the run's provenance turns out invalid).
   */
  private void moveOutputs() {
    try {
      Path outDir = runDir.resolve(OutputFormats.OUTPUTS);
      for (OutputSpec o : recipe.outputs()) {
        for (String file : OutputFormats.files(o)) {
          Path target = outDir.resolve(file);
          Files.createDirectories(target.getParent());
          Files.move(runDir.resolve(".staging").resolve(file), target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Files2.deleteRecursively(runDir.resolve(".staging"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the outputs of " + runDir + " into place: " + e.getMessage(), e);
    }
  }

  /** Once the provenance is valid: removes the pipeline's records, uploads the outputs with an {@code s3://} location. */
  private void publishOutputs() {
    try {
      Files2.deleteRecursively(runDir.resolve(".records"));
      OutputUploads.upload(recipe, runDir.resolve(OutputFormats.OUTPUTS), options.fetchOrDefault().storage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the outputs of " + runDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Leaves no outputs and a {@code run.json} that says the run failed, and why (with any secrets
   * in URLs redacted), then records that as provenance ({@link FailureProvenance}).
   */
  void fail(RecipeException e) {
    RunRecord failed;
    try {
      List<InputRecord> fetched =
          FetchedRecords.inputs(runDir.resolve(".records")).stream().map(InputRecord::redacted).toList();
      List<SkippedInput> skipped =
          FetchedRecords.skipped(runDir.resolve(".records")).stream().map(SkippedInput::redacted).toList();
      Files2.deleteRecursively(runDir.resolve(".staging"));
      Files2.deleteRecursively(runDir.resolve(".records"));
      Files2.deleteRecursively(runDir.resolve(OutputFormats.OUTPUTS));
      Files2.deleteRecursively(runDir.resolve(StacCatalog.FOLDER));
      Files.deleteIfExists(runDir.resolve(ProvenanceWriter.TURTLE));
      Files.deleteIfExists(runDir.resolve(ProvenanceWriter.JSON_LD));
      failed = new RunRecord(
          runId, RunRecord.FAILED, recipe.info(), started, Instant.now(),
          Versions.software(Runners.name(options)), fetched, skipped, List.of(), List.of(),
          Secrets.redact(e.getMessage()));
      RunRecords.write(failed, runDir);
    } catch (IOException | RuntimeException cleanup) {
      e.addSuppressed(cleanup);
      return;
    }
    FailureProvenance.record(failed, runDir, options.store(), e);
  }

  /**
   * The inputs of every plan, each file once (a dataset's plan is recorded once per output). A file
   * read by several datasets (the demo reads member 1 three times) keeps the record that says which
   * keys it has (its place in a combined dataset), whatever order the pipeline handed the plans over
   * in, so the same run always gives the same graph. Credentials in URLs are taken out ({@link
   * InputRecord#redacted}): nothing the run keeps or prints holds them.
   */
  private static List<InputRecord> inputs(List<DatasetPlan> plans) {
    Map<String, InputRecord> byUrl = new LinkedHashMap<>();
    plans.stream()
        .sorted(Comparator.comparing(DatasetPlan::dataset))
        .forEach(p -> p.inputs().forEach(in -> byUrl.merge(in.url(), in,
            (kept, other) -> kept.keys().isEmpty() && !other.keys().isEmpty() ? other : kept)));
    List<InputRecord> out = new ArrayList<>(byUrl.values());
    out.sort(Comparator.comparing(InputRecord::url));
    return out.stream().map(InputRecord::redacted).toList();
  }

  private static List<SkippedInput> skipped(List<DatasetPlan> plans) {
    Map<String, SkippedInput> byUrl = new LinkedHashMap<>();
    plans.forEach(p -> p.skipped().forEach(s -> byUrl.putIfAbsent(s.url(), s)));
    List<SkippedInput> out = new ArrayList<>(byUrl.values());
    out.sort(Comparator.comparing(SkippedInput::url));
    return out.stream().map(SkippedInput::redacted).toList();
  }

  /**
   * Each declared step with the details it recorded while planning and the variables it touched
   * in the datasets that were written.
   */
  private List<StepRecord> steps(List<DatasetPlan> plans) {
    List<StepRecord> out = new ArrayList<>();
    for (StepSpec s : recipe.steps()) {
      List<String> touched = new ArrayList<>();
      Map<String, Object> details = Map.of();
      for (DatasetPlan p : plans) {
        if (!p.dataset().equals(s.dataset())) {
          continue;
        }
        for (Variable v : p.schema().variables()) {
          if (v.steps().contains(s.index()) && !touched.contains(v.name())) {
            touched.add(v.name());
          }
        }
        for (StepSpec planned : p.steps()) {
          if (planned.index() == s.index()) {
            details = Steps.details(planned);
          }
        }
      }
      out.add(new StepRecord(s.number(), s.name(), s.parameters(), details, touched));
    }
    return out;
  }

  private static Map<String, Object> notes(List<DatasetPlan> plans) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (DatasetPlan p : plans) {
      if (!p.combined().notes().isEmpty()) {
        out.put(p.dataset(), p.combined().notes());
      }
    }
    return out;
  }
}
