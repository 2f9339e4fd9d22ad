package org.headwater.pipeline.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeParserTest {
  private static final String GOOD =
      "id: demo\n"
          + "title: A demo\n"
          + "license: CC-BY-4.0\n"
          + "creators:\n"
          + "  - {name: Josiah Carberry, orcid: 0000-0002-1825-0097, email: j@example.org}\n"
          + "params:\n"
          + "  root: \"file:/data\"\n"
          + "sources:\n"
          + "  url: \"{root}/m{member:02d}.nc\"\n"
          + "  source_of_truth: https://doi.org/10.5072/x\n"
          + "  dimensions:\n"
          + "    - {name: member, new: true, range: {start: 1, end: 3}}\n"
          + "  missing: skip\n"
          + "steps:\n"
          + "  - step: rename\n"
          + "    variables: {a: b}\n"
          + "outputs:\n"
          + "  - {name: out, format: zarr, chunks: {member: 1}}\n"
          + "  - {name: nc, format: netcdf}\n";

  private static RecipeSyntaxException error(String text) {
    try {
      RecipeParser.create().parse("r.yaml", text);
    } catch (RecipeSyntaxException e) {
      return e;
    }
    throw new AssertionError("expected a recipe error");
  }

  @Test
  void parsesAWholeRecipe() {
    Recipe r = RecipeParser.create().parse("r.yaml", GOOD);
    assertThat(r.id()).isEqualTo("demo");
    assertThat(r.info().creators().get(0).orcid()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
    assertThat(r.info().sha256()).hasSize(64);
    SourceSpec s = r.sources().get(0);
    assertThat(s.name()).isEqualTo("data");
    assertThat(s.urlTemplate()).isEqualTo("file:/data/m{member:02d}.nc");
    assertThat(s.dimensions().get(0).keys()).containsExactly("1", "2", "3");
    assertThat(s.dimensions().get(0).newDimension()).isTrue();
    assertThat(s.missing()).isEqualTo(SourceSpec.MissingPolicy.SKIP);
    assertThat(r.steps().get(0).parameters()).containsEntry("variables", Map.of("a", "b"));
    assertThat(r.outputs()).extracting(OutputSpec::format).containsExactly("zarr", "netcdf3");
    assertThat(r.outputs().get(1).path()).isEqualTo("nc.nc");
  }

  @Test
  void paramOverridesReplaceDefaultsAndUnknownOnesAreRefused() {
    Recipe r = RecipeParser.withParams(Map.of("root", "https://h/x")).parse("r.yaml", GOOD);
    assertThat(r.sources().get(0).urlTemplate()).startsWith("https://h/x/");
    assertThatThrownBy(() -> RecipeParser.withParams(Map.of("nope", "1")).parse("r.yaml", GOOD))
        .hasMessageContaining("--param nope").hasMessageContaining("[root]");
  }

  @Test
  void malformedYamlReportsLineAndColumn() {
    RecipeSyntaxException e = error("id: x\nsources: [unclosed\noutputs: []\n");
    assertThat(e.getMessage()).startsWith("r.yaml:3:").contains("not valid YAML");
  }

  @Test
  void unknownStepNamesTheKnownOnesWithLocation() {
    RecipeSyntaxException e = error(GOOD.replace("step: rename", "step: renam"));
    assertThat(e.getMessage())
        .startsWith("r.yaml:15:5:")
        .contains("unknown step 'renam'")
        .contains("rename");
  }

  @Test
  void unknownStepParameterIsNamed() {
    RecipeSyntaxException e = error(GOOD.replace("variables: {a: b}", "varaibles: {a: b}"));
    assertThat(e.getMessage()).contains("r.yaml:15:").contains("no parameter 'varaibles'")
        .contains("variables");
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    RecipeSyntaxException e = error(GOOD.replace("  missing: skip", "  mising: skip"));
    assertThat(e.getMessage()).contains("r.yaml:13:").contains("unknown field 'mising'");
  }

  @Test
  void outputPathOutsideTheWorkDirectoryIsRefused() {
    assertThat(error(GOOD.replace("{name: nc, format: netcdf}", "{name: nc, format: netcdf, path: ../../etc/x.nc}"))
        .getMessage()).contains("outside the work directory");
    assertThat(error(GOOD.replace("{name: nc, format: netcdf}", "{name: nc, format: netcdf, path: /tmp/x.nc}"))
        .getMessage()).contains("outside the work directory");
  }

  @Test
  void rejectsBadOrcidChecksumAndPolicy() {
    assertThat(error(GOOD.replace("0000-0002-1825-0097", "0000-0002-1825-0098")).getMessage())
        .contains("wrong check digit");
    assertThat(error(GOOD.replace("missing: skip", "missing: maybe")).getMessage())
        .contains("'fail' or 'skip'");
    assertThat(error(GOOD.replace("format: zarr", "format: parquet")).getMessage())
        .contains("unknown format 'parquet'");
  }

  @Test
  void requiresIdSourcesAndOutputs() {
    assertThat(error("title: x\n").getMessage()).contains("missing required field 'id'");
    assertThat(error("id: x\noutputs: []\n").getMessage()).contains("'sources'");
  }

  @Test
  void placeholderThatIsNeitherDimensionNorParameterIsNamed() {
    assertThat(error(GOOD.replace("{member:02d}", "{memebr:02d}")).getMessage())
        .contains("{memebr:02d}").contains("write {member:02d} instead of {memebr:02d}");
  }

  @Test
  void placeholderErrorSuggestsAChangeThatValidates() {
    // the user named the dimension 'member' but wrote the archive's own word in the URL
    String wrong = GOOD.replace("{member:02d}", "{id:02d}");
    String message = error(wrong).getMessage();
    assertThat(message).contains("{id:02d}").contains("'member'");
    java.util.regex.Matcher fix =
        java.util.regex.Pattern.compile("write (\\{[^}]+}) instead of (\\{[^}]+})").matcher(message);
    assertThat(fix.find()).as(message).isTrue();
    String applied = wrong.replace(fix.group(2), fix.group(1));
    Recipe recipe = RecipeParser.create().parse("r.yaml", applied);
    assertThat(recipe.sources().get(0).urlTemplate()).isEqualTo("file:/data/m{member:02d}.nc");
  }

  @Test
  void placeholderWithNoDeclaredDimensionSaysHowToDeclareIt() {
    String wrong = GOOD.replace("/m{member:02d}.nc", "/m{member:02d}_{run}.nc");
    assertThat(error(wrong).getMessage())
        .contains("placeholder {run} in the URL is neither a dimension nor a parameter")
        .contains("declare a dimension named 'run'");
    String declared = wrong.replace("  root: \"file:/data\"\n", "  root: \"file:/data\"\n  run: r1\n");
    assertThat(RecipeParser.create().parse("r.yaml", declared).sources().get(0).urlTemplate())
        .isEqualTo("file:/data/m{member:02d}_r1.nc");
  }

  @Test
  void dimensionMissingFromTheUrlSaysWhereItGoes() {
    assertThat(error(GOOD.replace("/m{member:02d}.nc", "/m.nc")).getMessage())
        .contains("dimension 'member' does not appear as {member} in the URL; put {member}");
  }

  @Test
  void missingRecipeFileIsNamed() {
    assertThatThrownBy(() -> RecipeParser.create().parse(Path.of("no/such/recipe.yaml")))
        .hasMessageContaining("recipe file not found: no/such/recipe.yaml");
  }
}
