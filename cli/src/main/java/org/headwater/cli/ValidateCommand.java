package org.headwater.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.headwater.pipeline.combine.Patterns;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.recipe.SourceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headwater validate RECIPE}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a recipe without running it: syntax, fields, steps and parameters, outputs.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RECIPE", description = "The recipe file (YAML).")
  Path recipe;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a recipe parameter.")
  Map<String, String> params = new LinkedHashMap<>();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Recipe r = RecipeParser.withParams(params).parse(recipe);
    var out = spec.commandLine().getOut();
    out.printf("%s: recipe '%s' is valid%n", recipe, r.id());
    for (SourceSpec s : r.sources()) {
      out.printf("  source %s: %d files from %s%n", s.name(), Patterns.expand(s, r.prune()).size(), s.urlTemplate());
    }
    out.printf("  %d steps, %d outputs%n", r.steps().size(), r.outputs().size());
    return 0;
  }
}
