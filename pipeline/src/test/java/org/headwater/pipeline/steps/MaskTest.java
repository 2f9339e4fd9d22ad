package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.run;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;

class MaskTest {
  static final double N = Double.NaN;

  static MemoryDataset data() {
    return new MemoryDataset().dim("t", 2).dim("x", 3)
        .var("v", DType.FLOAT32, List.of("t", "x"), new double[] {-9999, 1, 5, 2, 50, -3}, null,
            "units", "m", "valid_range", List.of(0.0, 10.0))
        .var("ice", DType.INT8, List.of("x"), new double[] {1, 0, 1}, null, "units", "1")
        .var("n", DType.INT16, List.of("x"), new double[] {1, 2, 3}, null, "units", "1");
  }

  @Test
  void equalMasksAnUndeclaredCode() throws Exception {
    Dataset out = run(data(), "mask", "variable", "v", "equal", -9999);
    assertThat(values(out, "v")).containsExactly(N, 1, 5, 2, 50, -3);
    assertThat(out.schema().variable("v").fillValue()).isEqualTo(Float.NaN);
  }

  @Test
  void belowAndAbove() throws Exception {
    assertThat(values(run(data(), "mask", "variable", "v", "below", 0), "v"))
        .containsExactly(N, 1, 5, 2, 50, N);
    assertThat(values(run(data(), "mask", "variable", "v", "above", 10), "v"))
        .containsExactly(-9999, 1, 5, 2, N, -3);
  }

  @Test
  void outsideValidRange() throws Exception {
    assertThat(values(run(data(), "mask", "variable", "v", "outside_valid_range", true), "v"))
        .containsExactly(N, 1, 5, 2, N, N);
  }

  @Test
  void whereAnotherVariableMeetsACondition() throws Exception {
    Dataset out = run(data(), "mask", "variable", "v", "where", Map.of("variable", "ice", "equal", 0));
    assertThat(values(out, "v")).containsExactly(-9999, N, 5, 2, N, -3);
  }

  @Test
  void fillValueSetsTheCodeOfIntegerVariables() throws Exception {
    Dataset out = run(data(), "mask", "variable", "n", "equal", 2, "fill_value", -1);
    assertThat(values(out, "n")).containsExactly(1, -1, 3);
    assertThat(out.schema().variable("n").fillValue()).isEqualTo((short) -1);
  }

  @Test
  void integerWithoutFillValueIsAnError() {
    assertThatThrownBy(() -> run(data(), "mask", "variable", "n", "equal", 2))
        .hasMessageContaining("'n' is int16 without a _FillValue");
  }

  @Test
  void unknownVariableAndMissingRuleAreErrors() {
    assertThatThrownBy(() -> run(data(), "mask", "variable", "nope", "equal", 1))
        .hasMessageContaining("no variable 'nope'");
    assertThatThrownBy(() -> run(data(), "mask", "variable", "v"))
        .hasMessageContaining("at least one rule");
  }
}
