package org.headwater.pipeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.recipe.DimensionSpec;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.Funding;
import org.headwater.provenance.record.RecipeInfo;
import org.junit.jupiter.api.Test;

/** The plan of a code-built pipeline is a recipe: the parser reads back what the code declared. */
class PlanDocumentTest {
  static final RecipeInfo INFO = new RecipeInfo("plan-test", null, null, "A title", "A description",
      "CC0-1.0", List.of(new Creator("Ada Lovelace", null, "Analytical Engines", "ada@example.org")),
      List.of("ice", "2024"), List.of(new Funding("A funder", "0000042", "An award")));
  static final SourceSpec SOURCE = new SourceSpec("speed", "file:/data/speed_{member:02d}.nc", "netcdf",
      "https://doi.org/10.5072/example",
      List.of(new DimensionSpec("member", DimensionSpec.Kind.CONCAT, List.of("01", "2", "x"), true)),
      Map.of("speed_01.nc", "a".repeat(64)), SourceSpec.MissingPolicy.SKIP, null, Map.of());
  static final OutputSpec OUTPUT = new OutputSpec("cube", "speed", "zarr", Map.of("member", 1, "time", 2),
      Map.of("id", "zlib", "level", 4), "cube.zarr");

  @Test
  void parsesBackToTheDeclaredSourcesStepsOutputsAndMetadata() {
    StepSpec mask = new StepSpec(0, "mask", "speed", params("variable", "speed", "equal", -9999), null);
    StepSpec box = new StepSpec(1, "subset", "speed", Map.of("bbox", List.of(-52, 66.5, -36, 74)), null);
    String text = PlanDocument.render(INFO, List.of(SOURCE), List.of(mask, box), List.of(OUTPUT));

    Recipe r = RecipeParser.create().parse("recipe.yaml", text);
    assertThat(r.sources()).containsExactly(SOURCE);
    assertThat(r.outputs()).containsExactly(OUTPUT);
    assertThat(r.steps()).extracting(s -> List.of(s.index(), s.name(), s.dataset(), s.parameters()))
        .containsExactly(List.of(0, "mask", "speed", mask.parameters()),
            List.of(1, "subset", "speed", box.parameters()));
    assertThat(List.of(r.info().id(), r.info().title(), r.info().description(), r.info().license()))
        .containsExactly("plan-test", "A title", "A description", "CC0-1.0");
    assertThat(r.info().keywords()).containsExactly("ice", "2024");
    assertThat(r.info().funding()).containsExactlyElementsOf(INFO.funding());
    assertThat(r.info().creators()).singleElement()
        .satisfies(c -> assertThat(c.email()).isEqualTo("ada@example.org"));
  }

  /** Map.of iterates in an order that changes between JVMs; the plan (and its SHA-256) must not. */
  @Test
  void theSameDeclarationsGiveTheSameTextWhateverTheirMapOrder() {
    StepSpec a = new StepSpec(0, "mask", "speed", params("variable", "speed", "equal", 1), null);
    StepSpec b = new StepSpec(0, "mask", "speed", params("equal", 1, "variable", "speed"), null);
    assertThat(PlanDocument.render(INFO, List.of(SOURCE), List.of(a), List.of(OUTPUT)))
        .isEqualTo(PlanDocument.render(INFO, List.of(SOURCE), List.of(b), List.of(OUTPUT)));
  }

  @Test
  void aCredentialInASourceUrlStaysOutOfThePlan() {
    SourceSpec behindToken = new SourceSpec("speed", "https://h.example/speed_{member:02d}.nc?access_token=t0k3n&v=2",
        "netcdf", null, SOURCE.dimensions(), Map.of(), SourceSpec.MissingPolicy.FAIL, null, Map.of());
    String text = PlanDocument.render(INFO, List.of(behindToken), List.of(), List.of(OUTPUT));

    assertThat(text).doesNotContain("t0k3n");
    assertThat(RecipeParser.create().parse("recipe.yaml", text).sources()).singleElement()
        .satisfies(s -> assertThat(s.urlTemplate())
            .isEqualTo("https://h.example/speed_{member:02d}.nc?access_token=REDACTED&v=2"));
  }

  private static Map<String, Object> params(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
