package org.headwater.pipeline.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.headwater.pipeline.beam.StepFn;
import org.headwater.pipeline.plan.DatasetPlan;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.StepType;
import org.headwater.pipeline.steps.Steps;

/**
 * One cleansing or geospatial step (any step of {@code docs/steps.md}) applied to every dataset of
 * a PCollection: the step is appended to each lazy dataset and its schema checked against it (a
 * variable it names must exist); data are transformed only when an output is written. The step's
 * name and parameter names are checked when the transform is made (a misspelt parameter fails at
 * once), the parameters' values when it is applied. Make it with {@link HeadwaterSteps}.
 */
public class ApplyStep extends PTransform<PCollection<DatasetPlan>, PCollection<DatasetPlan>> {
  private final String step;
  private final Map<String, Object> params;
  private final Integer index;
  private final String where;

  ApplyStep(String step, Map<String, Object> params, Integer index, String where) {
    this.step = step;
    this.params = new LinkedHashMap<>(params);
    this.index = index;
    this.where = where;
    StepType type;
    try {
      type = Steps.type(step);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HeadwaterSteps.of: " + e.getMessage(), e);
    }
    for (String key : this.params.keySet()) {
      if (!type.parameters().contains(key)) {
        throw new IllegalArgumentException("HeadwaterSteps." + step + ": no parameter '" + key
            + "'; its parameters: " + new java.util.TreeSet<>(type.parameters()));
      }
    }
  }

  /** The same step with one more parameter (as a recipe gives it: numbers, strings, lists, maps). */
  public ApplyStep with(String parameter, Object value) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put(parameter, value);
    return new ApplyStep(step, p, index, where);
  }

  /** The step's name, e.g. {@code rename}. */
  public String step() {
    return step;
  }

  /** The step's parameters, in the order they were given. */
  public Map<String, Object> parameters() {
    return java.util.Collections.unmodifiableMap(params);
  }

  @Override
  public PCollection<DatasetPlan> expand(PCollection<DatasetPlan> input) {
    HeadwaterRun run = HeadwaterRun.of(input.getPipeline(), getName());
    try {
      Steps.check(new StepSpec(0, step, "", params, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(label() + ": " + e.getMessage(), e);
    }
    StepSpec spec = run.declareStep(step, params, index, where, input, getName());
    PCollection<DatasetPlan> out = input
        .apply("Plan", ParDo.of(new StepFn(run.scope(run.fetchOptions()), spec, label())))
        .setCoder(SerializableCoder.of(DatasetPlan.class));
    run.track(out, spec.dataset());
    return out;
  }

  /** How errors name this transform: {@code HeadwaterSteps.convert_units}, {@code HeadwaterSteps.subprocess(ncks)}. */
  String label() {
    if (params.get("command") instanceof java.util.List<?> argv && !argv.isEmpty()) {
      return "HeadwaterSteps.subprocess(" + argv.get(0) + ")";
    }
    return "HeadwaterSteps." + step;
  }

  @Override
  protected String getKindString() {
    return label();
  }
}
