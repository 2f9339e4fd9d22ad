package org.headwater.pipeline.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.combine.Combined;
import org.headwater.pipeline.combine.CombinedDataset;
import org.headwater.pipeline.combine.Combiner;
import org.headwater.pipeline.combine.FileHeader;
import org.headwater.pipeline.combine.Layout;
import org.headwater.pipeline.combine.Part;
import org.headwater.pipeline.format.csv.CsvTables;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.steps.DerivedDataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.io.SourceCache;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.StepContext;
import org.headwater.pipeline.steps.Steps;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.SkippedInput;

/** Plans a source dataset: checks and combines its files, then applies its steps' schemas. */
public final class Planner {
  private Planner() {}

  /**
   * Plans with a step context outside any run directory (keyed by the recipe and its inputs'
   * hashes); runs should call {@link #plan(Recipe, SourceSpec, Iterable, StepContext)}.
   */
  public static DatasetPlan plan(Recipe recipe, SourceSpec source, Iterable<SourceResult> results) {
    return plan(recipe, source, results, null);
  }

  /**
   * The inputs with the variables the combined dataset takes from each: every variable of a file
   * that is concatenated, and a variable that is not (a coordinate such as x or y, equal in every
   * file) only from the first file that holds it, which is the one the combined dataset reads.
   * Variable-level provenance then links an output's x to the x it was read from.
   */
  static List<InputRecord> used(List<InputRecord> inputs, Layout layout) {
    Map<String, List<String>> byUrl = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (Part p : layout.parts()) {
      List<String> vars = byUrl.computeIfAbsent(p.url(), u -> new ArrayList<>());
      for (String v : p.variables()) {
        if (layout.concatenated().contains(v) || taken.add(v)) {
          vars.add(v);
        }
      }
    }
    List<InputRecord> out = new ArrayList<>(inputs.size());
    for (InputRecord in : inputs) {
      List<String> vars = byUrl.get(in.url());
      out.add(vars == null || in.variables().isEmpty() ? in : in.withVariables(vars));
    }
    return out;
  }

  /**
   * Plans a source dataset: its files combined, then the recipe's steps for it, with the outputs'
   * provenance attributes.
   *
   * @param context the run's step context (where {@code run_command} keeps its files), or null
   *     for one keyed by the recipe and its inputs
   */
  public static DatasetPlan plan(
      Recipe recipe, SourceSpec source, Iterable<SourceResult> results, StepContext context) {
    DatasetPlan plan = read(source, results);
    StepContext ctx = context != null ? context : standalone(recipe, source, plan.inputs());
    for (StepSpec spec : recipe.stepsFor(source.name())) {
      plan = step(plan, spec, ctx);
    }
    return annotate(plan, recipe.id(), recipe.info().sha256());
  }

  /**
   * A source dataset before any step: its fetched files checked and combined ({@link Combiner}),
   * with the inputs it read and the files it went without.
   */
  public static DatasetPlan read(SourceSpec source, Iterable<SourceResult> results) {
    List<FileHeader> headers = new ArrayList<>();
    List<InputRecord> inputs = new ArrayList<>();
    List<SkippedInput> skipped = new ArrayList<>();
    for (SourceResult r : results) {
      if (r.header() != null) {
        headers.add(r.header());
        inputs.add(r.input());
      } else {
        skipped.add(r.skipped());
      }
    }
    inputs.sort(Comparator.comparing(InputRecord::url));
    skipped.sort(Comparator.comparing(SkippedInput::url));
    Combined combined = Combiner.combine(source, headers);
    inputs = used(inputs, combined.layout());
    try (SourceCache files = new SourceCache(4);
        Dataset base = base(source, combined, files)) {
      Map<String, String> columns = CsvTables.report(base);
      if (!columns.isEmpty()) {
        Map<String, Object> notes = new LinkedHashMap<>(combined.notes());
        notes.put("columnTypes", columns);
        combined = new Combined(combined.layout(), combined.schema(), notes);
      }
      return new DatasetPlan(source, combined, List.of(), base.schema(), inputs, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A plan with one more step: the step's schema is computed (and checked) against the dataset
   * so far, and what it settles once per run ({@code run_command}'s output, {@code subset}'s
   * indexes) is resolved into its parameters; no data is written.
   *
   * @throws org.headwater.pipeline.steps.StepException naming the step when it cannot apply
   */
  public static DatasetPlan step(DatasetPlan plan, StepSpec spec, StepContext context) {
    try (SourceCache files = new SourceCache(4)) {
      Steps.Planned planned = Steps.plan(open(plan, files), List.of(spec), context);
      try (Dataset d = planned.dataset()) {
        List<StepSpec> steps = new ArrayList<>(plan.steps());
        steps.addAll(planned.specs());
        return new DatasetPlan(
            plan.source(), plan.combined(), steps, d.schema(), plan.inputs(), plan.skipped());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plan with the outputs' provenance attributes ({@link #annotate(DatasetSchema, String, String)}). */
  public static DatasetPlan annotate(DatasetPlan plan, String recipeId, String recipeSha256) {
    return new DatasetPlan(plan.source(), plan.combined(), plan.steps(),
        annotate(plan.schema(), recipeId, recipeSha256), plan.inputs(), plan.skipped());
  }

  /** Opens a planned dataset (combined files, then steps) for reading. */
  public static Dataset open(DatasetPlan plan, SourceCache files) {
    Dataset stepped = Steps.applyAll(base(plan.source(), plan.combined(), files), plan.steps());
    return new DerivedDataset(stepped, plan.schema());
  }

  /**
   * Points outputs at their provenance: global attributes naming the run directory's {@code
   * prov.ttl} and the recipe (by SHA-256). Neither names the run, so identical work gives
   * byte-identical outputs whichever runner or run made them.
   */
  static DatasetSchema annotate(DatasetSchema schema, String recipeId, String recipeSha256) {
    List<Attribute> g = schema.attributes();
    g = Attributes.with(g, Attribute.text("headwater_provenance",
        "W3C PROV of the run that made this file: prov.ttl in its run directory"));
    g = Attributes.with(g, Attribute.text("headwater_recipe",
        recipeId + " sha256:" + recipeSha256));
    return schema.withAttributes(g);
  }

  private static Dataset base(SourceSpec source, Combined combined, SourceCache files) {
    if (source.fileType().equals("csv")) {
      return CsvTables.open(source, combined);
    }
    return new CombinedDataset(combined, files);
  }

  private static StepContext standalone(
      Recipe recipe, SourceSpec source, List<InputRecord> inputs) {
    StringBuilder key = new StringBuilder(recipe.info().sha256()).append(source.name());
    inputs.forEach(i -> key.append(i.sha256()));
    String hash = Hashing.sha256Hex(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return StepContext.standalone(recipe.id(), hash.substring(0, 16));
  }
}
