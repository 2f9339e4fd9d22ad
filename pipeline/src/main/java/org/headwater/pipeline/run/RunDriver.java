package org.headwater.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.beam.RunScope;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.provenance.Plural;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a built Headwater pipeline and commits its run directory: the one driver behind {@link
 * RecipeRunner} and {@code org.headwater.pipeline.api.HeadwaterRun}. Before the pipeline starts it
 * writes the plan ({@code recipe.yaml}: the recipe's exact text, or the plan of a pipeline written
 * in code) and a {@code run.json} whose status is {@code running}; afterwards {@link RunCommit}
 * records the provenance and moves the outputs into place, or marks the run failed.
 */
public final class RunDriver {
  private static final Logger LOG = LoggerFactory.getLogger(RunDriver.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private RunDriver() {}

  /** A new run id: the recipe id, the time (UTC) and six random hex digits. */
  public static String newRunId(String recipeId, Instant at) {
    return recipeId + "-" + STAMP.format(at) + "-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }

  /**
   * Starts readying this JVM to record a run's provenance, in the background (once per JVM): a run
   * calls this as it is created, so the work overlaps the building of its pipeline.
   */
  public static void prepare() {
    ProvenanceCapture.prepare();
  }

  /** Beam options for the runner {@code options} name, with the run's job name. */
  public static PipelineOptions pipelineOptions(RunOptions options, String runId) {
    return Runners.options(options, runId.replace('.', '-'));
  }

  /**
   * Runs {@code p}, built for the run {@code scope} describes, and commits the run.
   *
   * @param recipe the recipe, or the plan of a pipeline written in code; its text becomes the run's
   *     {@code recipe.yaml} and its info's SHA-256 must be that text's
   * @param filesTotal how many source files the pipeline fetches, for progress
   * @throws RecipeException with a one-line message when the run fails
   */
  public static RunResult run(
      Pipeline p, Recipe recipe, RunScope scope, RunOptions options, long filesTotal) {
    Instant started = Instant.now();
    Path runDir = Path.of(scope.runDir());
    String runId = scope.runId();
    try {
      Files.createDirectories(scope.staging());
      // workers check that they see these (a cluster's workers must share the work directory)
      Files.createDirectories(scope.records());
      Files.writeString(runDir.resolve(RunScope.PLAN_FILE), recipe.text(), StandardCharsets.UTF_8);
      // first of all, so a process that dies from here on leaves a directory that says so
      RunRecords.write(
          RunRecord.running(runId, recipe.info(), started, Versions.software(Runners.name(options))),
          runDir);
    } catch (IOException | UncheckedIOException e) {
      throw new RecipeException("cannot create run directory " + runDir + ": " + e.getMessage(), e);
    }
    LOG.info("run {} of {} on {} in {}", runId, recipe.id(), Runners.name(options), runDir);
    RunCommit commit = new RunCommit(recipe, runId, runDir, started, options);
    try (ProvenanceCapture capture = ProvenanceCapture.start(options.store())) {
      long t0 = System.nanoTime();
      OutputUploads.check(recipe, options.fetchOrDefault().storage());
      PipelineResult result = p.run();
      ProgressPoller.await(result, filesTotal, options.progress());
      long t1 = System.nanoTime();
      RunRecord record = commit.commit(capture);
      LOG.info(
          "run {} finished: {}; pipeline {} ms, provenance and commit {} ms",
          runId, Plural.count(record.outputs().size(), "output"), (t1 - t0) / 1_000_000,
          (System.nanoTime() - t1) / 1_000_000);
      return new RunResult(runDir, record);
    } catch (RuntimeException e) {
      RecipeException failure = Runners.failure(options, e);
      commit.fail(failure);
      throw failure;
    }
  }
}
