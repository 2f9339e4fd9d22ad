package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.run;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.util.List;
import org.assertj.core.data.Offset;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.testing.MemoryDataset;
import org.headwater.pipeline.units.Units;
import org.junit.jupiter.api.Test;

class ConvertUnitsTest {
  static MemoryDataset speed() {
    return new MemoryDataset().dim("t", 3)
        .var("s", DType.FLOAT64, List.of("t"), new double[] {365.242198781 * 86400, Double.NaN, 0},
            Double.NaN, "units", "m year-1", "valid_range", List.of(0.0, 2 * 365.242198781 * 86400))
        .var("n", DType.INT16, List.of("t"), new double[] {1, -99, 3}, (short) -99, "units", "km");
  }

  @Test
  void convertsValuesWithUdunits() {
    assertThat(Units.converter("m year-1", "m s-1").applyAsDouble(365.242198781 * 86400))
        .isCloseTo(1.0, Offset.offset(1e-9));
    assertThat(Units.converter("Gt", "Mt").applyAsDouble(2)).isCloseTo(2000, Offset.offset(1e-9));
  }

  @Test
  void convertsVariableAndItsValidRange() throws Exception {
    Dataset out = run(speed(), "convert_units", "variable", "s", "to", "m s-1");
    assertThat(values(out, "s")).containsExactly(new double[] {1, Double.NaN, 0}, Offset.offset(1e-9));
    assertThat(out.schema().variable("s").attributeText("units")).isEqualTo("m s-1");
    List<Object> range = out.schema().variable("s").attributes().stream()
        .filter(a -> a.name().equals("valid_range")).findFirst().orElseThrow().values();
    assertThat(((Number) range.get(1)).doubleValue()).isCloseTo(2.0, Offset.offset(1e-9));
    assertThat(out.schema().variable("s").steps()).containsExactly(0);
  }

  @Test
  void integerVariablesBecomeFloat64WithFillAsNaN() throws Exception {
    Dataset out = run(speed(), "convert_units", "variables", List.of("n"), "to", "m");
    assertThat(out.schema().variable("n").dtype()).isEqualTo(DType.FLOAT64);
    assertThat(values(out, "n")).containsExactly(1000, Double.NaN, 3000);
  }

  @Test
  void fromStatesTheExpectedUnits() {
    assertThatThrownBy(() -> run(speed(), "convert_units", "variable", "s", "from", "km", "to", "m"))
        .isInstanceOf(StepException.class)
        .hasMessageContaining("variable 's' has units 'm year-1', not 'km'");
  }

  @Test
  void incompatibleUnitsNameBoth() {
    assertThatThrownBy(() -> run(speed(), "convert_units", "variable", "s", "to", "kg"))
        .isInstanceOf(StepException.class)
        .hasMessageContaining("step 1 (convert_units)")
        .hasMessageContaining("'m year-1' cannot be converted to 'kg'");
  }

  @Test
  void unknownVariableIsAnError() {
    assertThatThrownBy(() -> run(speed(), "convert_units", "variable", "nope", "to", "m"))
        .hasMessageContaining("no variable 'nope'");
  }
}
