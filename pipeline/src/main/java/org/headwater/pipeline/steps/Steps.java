package org.headwater.pipeline.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.recipe.StepSpec;

/** The registry of step types, and applying a recipe's steps to a dataset. */
public final class Steps {
  private static final Map<String, StepType> TYPES = new LinkedHashMap<>();

  static {
    register(Rename.TYPE);
    register(SetAttributes.TYPE);
    register(SelectVariables.TYPE);
    register(DropVariables.TYPE);
    register(DeleteAttributes.TYPE);
    register(FixUnits.TYPE);
    register(ConvertUnits.TYPE);
    register(Mask.TYPE);
    register(Cast.TYPE);
    register(Pack.TYPE);
    register(History.TYPE);
    register(CfCheck.TYPE);
    register(Subset.TYPE);
    register(Coarsen.TYPE);
    register(ClipToPolygon.TYPE);
    register(Reproject.TYPE);
    register(RunCommand.TYPE);
    register(TableSteps.RENAME_COLUMNS);
    register(TableSteps.SELECT_COLUMNS);
    register(FilterRows.TYPE);
    register(DeriveColumn.TYPE);
  }

  private Steps() {}

  private static void register(StepType type) {
    TYPES.put(type.name(), type);
  }

  /** The known step names, sorted. */
  public static Set<String> names() {
    return new TreeSet<>(TYPES.keySet());
  }

  public static StepType type(String name) {
    StepType t = TYPES.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown step '" + name + "'; known steps: " + names());
    }
    return t;
  }

  /** Checks a declared step's name and parameters without applying it. */
  public static void check(StepSpec spec) {
    for (String key : spec.parameters().keySet()) {
      if (key.startsWith("_")) {
        throw new IllegalArgumentException(
            "step '" + spec.name() + "' parameter '" + key + "': names starting with '_' are"
                + " reserved for facts Headwater records while planning; rename it");
      }
    }
    type(spec.name()).create(spec.parameters());
  }

  /**
   * The steps applied to a dataset when a run is planned: the dataset after the steps, and the
   * steps with the facts they settled ({@link ResolvingStep}) added to their parameters. Apply
   * {@link #specs()} with {@link #applyAll} on every worker to get the same dataset.
   *
   * @param dataset the dataset after the steps
   * @param specs the steps with their resolved parameters
   */
  public record Planned(Dataset dataset, List<StepSpec> specs) {
    public Planned {
      specs = List.copyOf(specs);
    }
  }

  /** Applies steps in order at plan time, resolving what each settles once per run. */
  public static Planned plan(Dataset input, List<StepSpec> specs, StepContext context) {
    Dataset d = input;
    List<StepSpec> out = new ArrayList<>();
    for (StepSpec spec : specs) {
      StepSpec resolved = spec;
      Step step = create(spec);
      try {
        if (step instanceof ResolvingStep r && !r.resolved()) {
          Map<String, Object> params = new LinkedHashMap<>(spec.parameters());
          params.putAll(r.resolve(d, spec.index(), spec.dataset(), context));
          resolved = new StepSpec(spec.index(), spec.name(), spec.dataset(), params, spec.where());
          step = create(resolved);
        }
        d = step.apply(d, spec.index());
      } catch (IllegalArgumentException | StepException e) {
        throw new StepException(label(spec) + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(label(spec) + ": " + e.getMessage(), e);
      }
      out.add(resolved);
    }
    return new Planned(d, out);
  }

  /**
   * Applies steps in order to a dataset.
   *
   * @throws StepException naming the step (by position and name, with its recipe location)
   */
  public static Dataset applyAll(Dataset input, List<StepSpec> specs) {
    Dataset d = input;
    for (StepSpec spec : specs) {
      Step step = create(spec);
      try {
        d = step.apply(d, spec.index());
      } catch (IllegalArgumentException | StepException e) {
        throw new StepException(label(spec) + ": " + e.getMessage(), e);
      }
    }
    return d;
  }

  /** The details a step recorded while planning, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> details(StepSpec spec) {
    Object d = spec.parameters().get(ResolvingStep.DETAILS);
    return d instanceof Map ? (Map<String, Object>) d : Map.of();
  }

  private static Step create(StepSpec spec) {
    try {
      return type(spec.name()).create(spec.parameters());
    } catch (IllegalArgumentException e) {
      throw new StepException(label(spec) + ": " + e.getMessage(), e);
    }
  }

  private static String label(StepSpec spec) {
    return (spec.where() == null ? "" : spec.where() + ": ")
        + "step " + spec.number() + " (" + spec.name() + ")";
  }
}
