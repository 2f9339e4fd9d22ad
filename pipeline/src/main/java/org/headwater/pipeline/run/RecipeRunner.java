package org.headwater.pipeline.run;

import org.headwater.provenance.Plural;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.beam.HeadwaterTransforms;
import org.headwater.pipeline.beam.RunContext;
import org.headwater.pipeline.combine.Patterns;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.plan.FetchedRecords;
import org.headwater.pipeline.plan.RunRecordFiles;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.Steps;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.SkippedInput;
import org.headwater.provenance.record.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a recipe on a Beam runner and commits its run directory.
 *
 * <p>A run directory {@code work/runs/<run id>/} holds {@code recipe.yaml} (the recipe's exact
 * text), {@code outputs/}, the run's W3C PROV graph ({@code prov.ttl}, and {@code prov.jsonld} if asked for) and,
 * {@code run.json}: written first with status {@code running} and the process's pid and host, and
 * replaced last by the finished record (so a directory whose process died is recognised as
 * incomplete: {@code RunState}). The graph is validated (SHACL) before anything is committed and,
 * when a lineage store is given, loaded into it as the run's named graph. Outputs are written under a hidden
 * staging folder and moved into {@code outputs/} only after every output is complete; a failed run
 * leaves no {@code outputs/} and a {@code run.json} whose status is {@code failed}.
 */
public final class RecipeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(RecipeRunner.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private RecipeRunner() {}

  /**
   * Runs a recipe.
   *
   * @throws RecipeException with a one-line message when the run fails
   */
  public static RunResult run(Recipe recipe, RunOptions options) {
    Recipe r = options.prune() > 0 ? recipe.withPrune(options.prune()) : recipe;
    Instant started = Instant.now();
    String runId =
        r.id() + "-" + STAMP.format(started) + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    Path runDir = options.work().toAbsolutePath().resolve("runs").resolve(runId);
    Path staging = runDir.resolve(".staging");
    Path records = runDir.resolve(".records");
    try {
      Files.createDirectories(staging);
      Files.writeString(runDir.resolve("recipe.yaml"), r.text(), StandardCharsets.UTF_8);
      // first of all, so a process that dies from here on leaves a directory that says so
      RunRecords.write(RunRecord.running(runId, r.info(), started, Versions.software(Runners.name(options))), runDir);
    } catch (IOException | UncheckedIOException e) {
      throw new RecipeException("cannot create run directory " + runDir + ": " + e.getMessage(), e);
    }
    RunContext context =
        new RunContext(r, runId, staging.toString(), records.toString(), options.fetchOrDefault());
    LOG.info("run {} of recipe {} on {} in {}", runId, r.id(), Runners.name(options), runDir);
    try (ProvenanceCapture capture = ProvenanceCapture.start(options.store())) {
      long t0 = System.nanoTime();
      execute(context, options);
      long t1 = System.nanoTime();
      RunRecord record = commit(r, runId, runDir, started, options, capture);
      LOG.info(
          "run {} finished: {}; pipeline {} ms, provenance and commit {} ms",
          runId, Plural.count(record.outputs().size(), "output"), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
      return new RunResult(runDir, record);
    } catch (RuntimeException e) {
      RecipeException failure = Failures.unwrap(e);
      fail(r, runId, runDir, started, options, failure);
      throw failure;
    }
  }

  private static void execute(RunContext context, RunOptions options) {
    Pipeline p = Pipeline.create(Runners.options(options, context.runId().replace('.', '-')));
    HeadwaterTransforms.build(p, context);
    PipelineResult result = p.run();
    long total = 0;
    for (SourceSpec s : context.recipe().sources()) {
      total += Patterns.expand(s, context.recipe().prune()).size();
    }
    ProgressPoller.await(result, total, options.progress());
  }

  private static RunRecord commit(
      Recipe r,
      String runId,
      Path runDir,
      Instant started,
      RunOptions options,
      ProvenanceCapture capture) {
    Path records = runDir.resolve(".records");
    Path staging = runDir.resolve(".staging");
    try {
      List<DatasetPlan> plans = RunRecordFiles.read(records, "plan", DatasetPlan.class);
      List<OutputRecord> outputs = RunRecordFiles.read(records, "output", OutputRecord.class);
      if (outputs.size() != r.outputs().size()) {
        throw new RecipeException(
            "the run wrote " + outputs.size() + " of " + Plural.count(r.outputs().size(), "output")
                + "; see the log");
      }
      outputs.sort(Comparator.comparing(OutputRecord::name));
      RunRecord record =
          new RunRecord(
              runId, RunRecord.SUCCEEDED, r.info(), started, Instant.now(),
              Versions.software(Runners.name(options)), inputs(plans), skipped(plans),
              steps(r, plans), outputs, null, notes(plans));
      capture.record(record, runDir, options.provJsonLd(), () -> publishOutputs(r, runDir, staging, records));
      RunRecords.write(record, runDir);
      capture.store(runDir);
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit run " + runId + ": " + e.getMessage(), e);
    }
  }

  /** Moves the finished outputs from staging into {@code outputs/}. */
  private static void publishOutputs(Recipe r, Path runDir, Path staging, Path records) {
    try {
      Path outDir = runDir.resolve(OutputFormats.OUTPUTS);
      for (OutputSpec o : r.outputs()) {
        for (String file : OutputFormats.files(o)) {
          Path target = outDir.resolve(file);
          Files.createDirectories(target.getParent());
          Files.move(staging.resolve(file), target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Files2.deleteRecursively(staging);
      Files2.deleteRecursively(records);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the outputs of " + runDir + " into place: " + e.getMessage(), e);
    }
  }

  private static void fail(
      Recipe r, String runId, Path runDir, Instant started, RunOptions options, RecipeException e) {
    try {
      List<InputRecord> fetched = FetchedRecords.inputs(runDir.resolve(".records"));
      List<SkippedInput> skipped = FetchedRecords.skipped(runDir.resolve(".records"));
      Files2.deleteRecursively(runDir.resolve(".staging"));
      Files2.deleteRecursively(runDir.resolve(".records"));
      Files2.deleteRecursively(runDir.resolve(OutputFormats.OUTPUTS));
      Files.deleteIfExists(runDir.resolve(ProvenanceWriter.TURTLE));
      Files.deleteIfExists(runDir.resolve(ProvenanceWriter.JSON_LD));
      RunRecords.write(
          new RunRecord(
              runId, RunRecord.FAILED, r.info(), started, Instant.now(),
              Versions.software(Runners.name(options)), fetched, skipped, List.of(), List.of(),
              e.getMessage()),
          runDir);
    } catch (IOException | RuntimeException cleanup) {
      e.addSuppressed(cleanup);
    }
  }

  private static List<InputRecord> inputs(List<DatasetPlan> plans) {
    List<InputRecord> out = new ArrayList<>();
    plans.forEach(p -> out.addAll(p.inputs()));
    out.sort(Comparator.comparing(InputRecord::url));
    return out;
  }

  private static List<SkippedInput> skipped(List<DatasetPlan> plans) {
    List<SkippedInput> out = new ArrayList<>();
    plans.forEach(p -> out.addAll(p.skipped()));
    out.sort(Comparator.comparing(SkippedInput::url));
    return out;
  }

  private static List<StepRecord> steps(Recipe r, List<DatasetPlan> plans) {
    List<StepRecord> out = new ArrayList<>();
    for (StepSpec s : r.steps()) {
      List<String> touched = new ArrayList<>();
      Map<String, Object> details = Map.of();
      for (DatasetPlan p : plans) {
        if (p.dataset().equals(s.dataset())) {
          for (Variable v : p.schema().variables()) {
            if (v.steps().contains(s.index())) {
              touched.add(v.name());
            }
          }
          for (StepSpec planned : p.steps()) {
            if (planned.index() == s.index()) {
              details = Steps.details(planned);
            }
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
