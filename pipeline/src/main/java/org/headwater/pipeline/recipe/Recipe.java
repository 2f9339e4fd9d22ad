package org.headwater.pipeline.recipe;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.headwater.provenance.record.RecipeInfo;

/**
 * A parsed, validated recipe.
 *
 * @param info identity and descriptive metadata (with the SHA-256 of the recipe file)
 * @param file where the recipe was read from, for messages
 * @param text the recipe file's text (kept in the run directory)
 * @param sources the sources, each a named dataset
 * @param steps the steps in order
 * @param outputs the outputs
 * @param prune run on the first N items of each source only, or 0 for all
 */
public record Recipe(
    RecipeInfo info,
    String file,
    String text,
    List<SourceSpec> sources,
    List<StepSpec> steps,
    List<OutputSpec> outputs,
    int prune)
    implements Serializable {

  public Recipe {
    Objects.requireNonNull(info, "info");
    sources = List.copyOf(sources);
    steps = List.copyOf(steps);
    outputs = List.copyOf(outputs);
  }

  public String id() {
    return info.id();
  }

  public SourceSpec source(String name) {
    return sources.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no source named '" + name + "'"));
  }

  /** The steps that apply to one dataset, in order. */
  public List<StepSpec> stepsFor(String dataset) {
    return steps.stream().filter(s -> s.dataset().equals(dataset)).toList();
  }

  /** A copy that runs on the first {@code n} items of each source only. */
  public Recipe withPrune(int n) {
    return new Recipe(info, file, text, sources, steps, outputs, n);
  }
}
