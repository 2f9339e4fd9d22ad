package org.headwater.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.pipeline.testing.StepRunner.run;
import static org.headwater.pipeline.testing.StepRunner.values;

import java.util.List;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;

class CastPackTest {
  static MemoryDataset data() {
    return new MemoryDataset().dim("t", 4)
        .var("v", DType.FLOAT64, List.of("t"), new double[] {1.26, Double.NaN, -3.5, 100.04},
            Double.NaN, "units", "m");
  }

  @Test
  void castRoundsAndTurnsMissingIntoDefaultFill() throws Exception {
    Dataset out = run(data(), "cast", "variable", "v", "dtype", "int16");
    assertThat(out.schema().variable("v").dtype()).isEqualTo(DType.INT16);
    assertThat(values(out, "v")).containsExactly(1, -32767, -4, 100);
  }

  @Test
  void castFillValueParameter() throws Exception {
    Dataset out = run(data(), "cast", "variable", "v", "dtype", "int32", "fill_value", -1);
    assertThat(values(out, "v")).containsExactly(1, -1, -4, 100);
    assertThat(out.schema().variable("v").fillValue()).isEqualTo(-1);
  }

  @Test
  void castOverflowNamesVariableAndValue() {
    Dataset out = run(data(), "cast", "variable", "v", "dtype", "uint8");
    assertThatThrownBy(() -> values(out, "v")).hasMessageContaining("'v' has the value -3.5")
        .hasMessageContaining("uint8 cannot hold");
  }

  @Test
  void castRejectsUnknownDtype() {
    assertThatThrownBy(() -> run(data(), "cast", "variable", "v", "dtype", "int12"))
        .hasMessageContaining("parameter 'dtype'");
  }

  @Test
  void packWithPrecisionDecodesWithinHalfAStep() throws Exception {
    Dataset out = run(data(), "pack", "variable", "v", "precision", 0.01);
    Variable v = out.schema().variable("v");
    assertThat(v.dtype()).isEqualTo(DType.INT16);
    assertThat(v.fillValue()).isEqualTo((short) -32768);
    double scale = v.attributes().stream().filter(a -> a.name().equals("scale_factor"))
        .findFirst().orElseThrow().number().doubleValue();
    double add = v.attributes().stream().filter(a -> a.name().equals("add_offset"))
        .findFirst().orElseThrow().number().doubleValue();
    assertThat(scale).isEqualTo(0.01);
    double[] packed = values(out, "v");
    double[] expected = {1.26, Double.NaN, -3.5, 100.04};
    for (int i = 0; i < 4; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(packed[i]).isEqualTo(-32768);
      } else {
        assertThat(Math.abs(packed[i] * scale + add - expected[i])).isLessThanOrEqualTo(0.005 + 1e-9);
      }
    }
  }

  @Test
  void packDtypeAndOffsetParameters() throws Exception {
    Dataset out = run(data(), "pack", "variable", "v", "dtype", "int32", "precision", 0.5,
        "offset", 0);
    Variable v = out.schema().variable("v");
    assertThat(v.dtype()).isEqualTo(DType.INT32);
    assertThat(values(out, "v")[3]).isEqualTo(200);
  }

  @Test
  void packWithoutPrecisionSpreadsTheRange() throws Exception {
    Dataset out = run(data(), "pack", "variable", "v", "dtype", "int8");
    double[] p = values(out, "v");
    assertThat(p[2]).isEqualTo(-127);
    assertThat(p[3]).isEqualTo(127);
  }

  @Test
  void packTooFinePrecisionNamesOneThatFits() {
    assertThatThrownBy(() -> run(data(), "pack", "variable", "v", "dtype", "int8", "precision", 0.01))
        .isInstanceOf(StepException.class).hasMessageContaining("use precision >=");
  }
}
