package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.run;

import java.util.List;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;

/** drop_variables, delete_attributes, fix_units. */
class VariableStepsTest {
  static MemoryDataset data() {
    return MemoryDataset.grid()
        .var("err", DType.FLOAT32, List.of("y", "x"), new double[12], Float.NaN, "units", "m/yr")
        .global("title", "t")
        .global("comment", "c");
  }

  @Test
  void dropVariablesRemovesThemAndTheirReferences() {
    MemoryDataset d = data().var("w", DType.FLOAT32, List.of("y", "x"), new double[12], null,
        "ancillary_variables", "err", "units", "m");
    Dataset out = run(d, "drop_variables", "variables", List.of("err"));
    assertThat(out.schema().variableNames()).containsExactly("y", "x", "v", "w");
    assertThat(out.schema().variable("w").attributeText("ancillary_variables")).isNull();
  }

  @Test
  void dropVariablesRejectsUnknownVariable() {
    assertThatThrownBy(() -> run(data(), "drop_variables", "variables", List.of("nope")))
        .isInstanceOf(StepException.class).hasMessageContaining("no variable 'nope'");
  }

  @Test
  void deleteAttributesFromDatasetAndVariable() {
    Dataset g = run(data(), "delete_attributes", "attributes", List.of("comment"));
    assertThat(g.schema().attributes()).extracting(a -> a.name()).containsExactly("title");
    Dataset v = run(data(), "delete_attributes", "variable", "v", "attributes", List.of("units"));
    assertThat(v.schema().variable("v").attributeText("units")).isNull();
    assertThat(v.schema().variable("v").steps()).containsExactly(0);
  }

  @Test
  void deleteAttributesMissingIsErrorUnlessMissingOk() {
    assertThatThrownBy(() -> run(data(), "delete_attributes", "attributes", List.of("nope")))
        .isInstanceOf(StepException.class).hasMessageContaining("no attribute 'nope'");
    Dataset ok = run(data(), "delete_attributes", "attributes", List.of("nope"), "missing_ok", true);
    assertThat(ok.schema().attributes()).hasSize(2);
  }

  @Test
  void fixUnitsOnNamedVariable() {
    Dataset out = run(data(), "fix_units", "variable", "err", "units", "m year-1");
    assertThat(out.schema().variable("err").attributeText("units")).isEqualTo("m year-1");
  }

  @Test
  void fixUnitsFromReplacesEveryMatch() {
    Dataset out = run(data(), "fix_units", "from", "m/yr", "units", "m year-1");
    assertThat(out.schema().variable("err").attributeText("units")).isEqualTo("m year-1");
    assertThat(out.schema().variable("v").attributeText("units")).isEqualTo("m");
  }

  @Test
  void fixUnitsFromMustMatchNamedVariable() {
    assertThatThrownBy(() -> run(data(), "fix_units", "variable", "v", "from", "m/yr", "units", "m"))
        .isInstanceOf(StepException.class).hasMessageContaining("has units 'm', not 'm/yr'");
  }

  @Test
  void fixUnitsRejectsNonUdunitsUnlessCheckFalse() {
    assertThatThrownBy(() -> run(data(), "fix_units", "variable", "v", "units", "furlongs/fortnightz"))
        .hasMessageContaining("UDUNITS");
    Dataset out = run(data(), "fix_units", "variable", "v", "units", "whatever", "check", false);
    assertThat(out.schema().variable("v").attributeText("units")).isEqualTo("whatever");
  }
}
