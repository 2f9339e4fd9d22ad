package org.headwater.cli;

import org.headwater.provenance.Plural;
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
      out.printf("  source %s: %s from %s%n", s.name(),
          Plural.count(Patterns.expand(s, r.prune()).size(), "file"), s.urlTemplate());
    }
    out.printf("  %s, %s%n", Plural.count(r.steps().size(), "step"),
        Plural.count(r.outputs().size(), "output"));
    return 0;
  }
}
