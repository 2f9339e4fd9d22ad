package org.headwater.pipeline.steps;

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
    type(spec.name()).create(spec.parameters());
  }

  /**
   * Applies steps in order to a dataset.
   *
   * @throws StepException naming the step (by position and name, with its recipe location)
   */
  public static Dataset applyAll(Dataset input, List<StepSpec> specs) {
    Dataset d = input;
    for (StepSpec spec : specs) {
      Step step;
      try {
        step = type(spec.name()).create(spec.parameters());
      } catch (IllegalArgumentException e) {
        throw new StepException(label(spec) + ": " + e.getMessage(), e);
      }
      try {
        d = step.apply(d, spec.index());
      } catch (StepException e) {
        throw new StepException(label(spec) + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new StepException(label(spec) + ": " + e.getMessage(), e);
      }
    }
    return d;
  }

  private static String label(StepSpec spec) {
    return (spec.where() == null ? "" : spec.where() + ": ")
        + "step " + (spec.index() + 1) + " (" + spec.name() + ")";
  }
}
