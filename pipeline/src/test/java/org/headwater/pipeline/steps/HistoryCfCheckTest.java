package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.params;
import static org.headwater.pipeline.testing.StepRunner.run;
import static org.headwater.pipeline.testing.StepRunner.runAll;
import static org.headwater.pipeline.testing.StepRunner.spec;

import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCfCheckTest {
  @TempDir Path tmp;

  @Test
  void historyAppendsOneLineWithDateVersionAndRecipe() {
    Dataset out = run(MemoryDataset.grid().global("history", "made by hand"), "history");
    String h = Attributes.text(out.schema().attributes(), "history");
    assertThat(h).startsWith("made by hand\n")
        .containsPattern("\\n\\d{4}-\\d\\d-\\d\\dT.*Headwater 0.0-test, recipe test-recipe, run run-1");
  }

  @Test
  void historyTextParameter() {
    Dataset out = run(MemoryDataset.grid(), "history", "text", "cleansed");
    assertThat(Attributes.text(out.schema().attributes(), "history")).endsWith(": cleansed");
  }

  @Test
  void cfCheckReportsViolationsInDetails() {
    MemoryDataset bad = new MemoryDataset().dim("x", 3)
        .var("x", DType.FLOAT64, List.of("x"), new double[] {0, 2, 1}, null, "units", "m")
        .var("a", DType.FLOAT32, List.of("x"), new double[3], 1.0, "grid_mapping", "crs")
        .var("b", DType.FLOAT32, List.of("x"), new double[3], null, "units", "bananas");
    var planned = runAll(bad, tmp, spec(0, "cf_check", params()));
    List<?> v = (List<?>) Steps.details(planned.specs().get(0)).get("violations");
    assertThat(v).extracting(Object::toString).anyMatch(s -> s.contains("'a' has no units"))
        .anyMatch(s -> s.contains("grid_mapping names 'crs'"))
        .anyMatch(s -> s.contains("_FillValue of type Double, not float32"))
        .anyMatch(s -> s.contains("'bananas'"))
        .anyMatch(s -> s.contains("coordinate 'x' is not strictly monotonic"));
  }

  @Test
  void cfCheckPassesACleanDataset() {
    var planned = runAll(MemoryDataset.grid(), tmp, spec(0, "cf_check", params()));
    assertThat((List<?>) Steps.details(planned.specs().get(0)).get("violations")).isEmpty();
  }

  @Test
  void cfCheckStrictFailsTheRun() {
    MemoryDataset bad = MemoryDataset.grid()
        .var("c", DType.FLOAT32, List.of("y", "x"), new double[12], Float.NaN);
    assertThatThrownBy(() -> run(bad, "cf_check", "strict", true))
        .isInstanceOf(StepException.class).hasMessageContaining("1 CF violation:")
        .hasMessageContaining("'c' has no units");
  }

  @Test
  void cfCheckStrictErrorGivesEachHintOnce() {
    MemoryDataset bad = MemoryDataset.grid()
        .var("c", DType.FLOAT32, List.of("y", "x"), new double[12], Float.NaN)
        .var("d", DType.FLOAT32, List.of("y", "x"), new double[12], Float.NaN)
        .var("e", DType.FLOAT32, List.of("y", "x"), new double[12], Float.NaN, "units", "meters per blorp");
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> run(bad, "cf_check", "strict", true));
    String m = t.getMessage();
    assertThat(m).isEqualTo("test.yaml:1:1: step 1 (cf_check): 3 CF violations: variable 'c' has no units;"
        + " variable 'd' has no units; variable 'e' has units 'meters per blorp', which UDUNITS"
        + " does not know. Fix them with steps before cf_check (add units with set_attributes;"
        + " correct units with fix_units), or drop strict: true to only record them");
    assertThat(m.split("set_attributes", -1)).hasSize(2);
    assertThat(m.split("fix them|Fix them", -1)).hasSize(2);
  }
}
