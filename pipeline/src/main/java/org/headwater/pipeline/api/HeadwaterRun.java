package org.headwater.pipeline.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.values.PCollection;
import org.headwater.pipeline.beam.RunScope;
import org.headwater.pipeline.combine.Patterns;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.run.RunDriver;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.RecipeInfo;

/**
 * One Headwater run of a Beam pipeline: where it goes ({@code work/runs/<run id>/}), what it is
 * called, and the driver that runs the pipeline and commits the run exactly as {@code headwater
 * run} does (outputs moved into place only when all are complete, {@code run.json}, the PROV graph
 * in {@code prov.ttl} and the lineage store).
 *
 * <pre>{@code
 * HeadwaterRun run = HeadwaterRun.create(info, RunOptions.defaults(work));
 * Pipeline p = run.newPipeline();
 * p.apply(HeadwaterIO.read("speed").from("https://host/speed_{member:02d}.nc") ...)
 *     .apply(HeadwaterSteps.rename(Map.of("velsurf_mag", "surface_speed")))
 *     .apply(HeadwaterIO.writeZarr("speed"));
 * RunResult result = run.run(p);
 * }</pre>
 *
 * <p>While the pipeline is built, Headwater's transforms find the run through the pipeline's
 * {@link HeadwaterOptions} and declare to it what they do: sources, steps (numbered in the order
 * they are applied, as a recipe's are) and outputs. When the run starts, those declarations become
 * the run's plan, written to {@code recipe.yaml} as an equivalent recipe (so {@code headwater run}
 * can repeat it, and {@code publish} archives it); its SHA-256 identifies the plan in provenance.
 */
public final class HeadwaterRun {
  private final RecipeInfo info;
  private final Recipe recipe;
  private final RunOptions options;
  private final String runId;
  private final Path runDir;
  private final List<SourceSpec> sources = new ArrayList<>();
  private final List<StepSpec> steps = new ArrayList<>();
  private final List<OutputSpec> outputs = new ArrayList<>();
  private final Map<PCollection<?>, String> datasets = new HashMap<>();
  private boolean started;

  private HeadwaterRun(RecipeInfo info, Recipe recipe, RunOptions options) {
    RunDriver.prepare();
    this.info = Objects.requireNonNull(info, "info");
    this.recipe = recipe;
    this.options = Objects.requireNonNull(options, "options");
    this.runId = RunDriver.newRunId(info.id(), Instant.now());
    this.runDir = options.work().toAbsolutePath().resolve("runs").resolve(runId);
  }

  /**
   * A run of a pipeline written in code.
   *
   * @param info the pipeline's id and descriptive metadata (title, license, creators, ...), as a
   *     recipe's header gives them; its {@code sha256} and {@code file} are ignored (the run
   *     computes them from its plan)
   * @param options where runs go, the runner, the lineage store, fetch options
   */
  public static HeadwaterRun create(RecipeInfo info, RunOptions options) {
    if (info.id() == null || !info.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "run id '" + info.id() + "': use letters, digits, '.', '_' and '-' (it names the run directory)");
    }
    return new HeadwaterRun(info, null, options);
  }

  /** A run of a parsed recipe: its plan is the recipe's own text ({@link RecipeTransforms}). */
  public static HeadwaterRun forRecipe(Recipe recipe, RunOptions options) {
    return new HeadwaterRun(recipe.info(), recipe, options);
  }

  /** A new pipeline on the runner {@link RunOptions} names, attached to this run. */
  public Pipeline newPipeline() {
    return Pipeline.create(pipelineOptions());
  }

  /** Pipeline options for the runner {@link RunOptions} names, attached to this run. */
  public PipelineOptions pipelineOptions() {
    PipelineOptions o = RunDriver.pipelineOptions(options, runId);
    o.as(HeadwaterOptions.class).setHeadwaterRun(this);
    return o;
  }

  public String runId() {
    return runId;
  }

  public Path runDir() {
    return runDir;
  }

  /**
   * Runs the pipeline and commits the run.
   *
   * @return the run directory and its record
   * @throws org.headwater.pipeline.RecipeException with a one-line message when the run fails; its
   *     {@code run.json} then says {@code failed} and it has no outputs
   */
  public RunResult run(Pipeline p) {
    if (p.getOptions().as(HeadwaterOptions.class).getHeadwaterRun() != this) {
      throw new IllegalArgumentException(
          "the pipeline was not made by this run; build it with run.newPipeline()");
    }
    if (started) {
      throw new IllegalStateException("run " + runId + " has already run; create a new HeadwaterRun");
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException(
          "run " + runId + ": the pipeline writes no output; apply HeadwaterIO.writeZarr(), writeNetcdf() or writeCsv()");
    }
    started = true;
    Recipe plan = recipe != null ? recipe : plan();
    long files = 0;
    for (SourceSpec s : sources) {
      files += Patterns.expand(s, prune()).size();
    }
    return RunDriver.run(p, plan, scope(options.fetchOrDefault()), options, files);
  }

  /** The run's plan: its declarations as a recipe whose text is {@code recipe.yaml}. */
  Recipe plan() {
    String text = PlanDocument.render(info, sources, steps, outputs);
    String sha = Hashing.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    RecipeInfo withSha = new RecipeInfo(info.id(), sha, RunScope.PLAN_FILE, info.title(),
        info.description(), info.license(), info.creators(), info.keywords(), info.funding());
    return new Recipe(withSha, RunScope.PLAN_FILE, text, sources, steps, outputs, 0);
  }

  /** The run a transform is being applied in, or a one-line error naming the transform. */
  static HeadwaterRun of(Pipeline p, String transform) {
    HeadwaterRun run = p.getOptions().as(HeadwaterOptions.class).getHeadwaterRun();
    if (run == null) {
      throw new IllegalStateException(
          transform + ": the pipeline belongs to no Headwater run; make it with"
              + " HeadwaterRun.create(info, options).newPipeline()");
    }
    if (run.started) {
      throw new IllegalStateException(transform + ": run " + run.runId + " has already started");
    }
    return run;
  }

  RunScope scope(FetchOptions fetch) {
    return new RunScope(runId, info.id(), runDir.toString(), fetch.withAbsoluteCache());
  }

  FetchOptions fetchOptions() {
    return options.fetchOrDefault();
  }

  int prune() {
    return recipe != null ? recipe.prune() : options.prune();
  }

  void declareSource(SourceSpec source, PCollection<?> output, String transform) {
    if (sources.stream().anyMatch(s -> s.name().equals(source.name()))) {
      throw new IllegalArgumentException(
          transform + ": a dataset named '" + source.name() + "' is read already; give each read its own name");
    }
    sources.add(source);
    datasets.put(output, source.name());
  }

  /** Declares a step applied to {@code input}'s dataset; numbered in order unless {@code index} is given. */
  StepSpec declareStep(String name, Map<String, Object> params, Integer index, String where,
      PCollection<?> input, String transform) {
    int i = index != null ? index : steps.size();
    StepSpec spec = new StepSpec(i, name, datasetOf(input, transform), params, where);
    steps.add(spec);
    return spec;
  }

  void track(PCollection<?> output, String dataset) {
    datasets.put(output, dataset);
  }

  void declareOutput(OutputSpec output, String transform) {
    for (OutputSpec o : outputs) {
      if (o.name().equals(output.name()) || o.path().equals(output.path())) {
        throw new IllegalArgumentException(
            transform + ": output '" + output.name() + "' (" + output.path() + ") is written already;"
                + " give each output its own name and path");
      }
    }
    outputs.add(output);
  }

  /** The dataset a PCollection holds, or a one-line error naming the transform and the input. */
  String datasetOf(PCollection<?> input, String transform) {
    String name = datasets.get(input);
    if (name == null) {
      String type = input.getTypeDescriptor() == null ? "elements of an unknown type"
          : input.getTypeDescriptor().getRawType().getSimpleName() + " elements";
      throw new IllegalArgumentException(
          transform + ": cannot read PCollection '" + input.getName() + "' (" + type + "): it was"
              + " not made by HeadwaterIO.read() or a Headwater step of this run; apply the"
              + " transform to a dataset those made");
    }
    return name;
  }
}
