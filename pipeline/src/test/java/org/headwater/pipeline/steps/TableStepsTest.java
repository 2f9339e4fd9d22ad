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

/** rename_columns, select_columns, filter_rows, derive_column, and the expression language. */
class TableStepsTest {
  static MemoryDataset table() {
    return new MemoryDataset().dim("row", 4)
        .var("Year", DType.INT32, List.of("row"), new double[] {1999, 2000, 2001, -9999}, -9999)
        .var("Mass (Gt)", DType.FLOAT64, List.of("row"), new double[] {-10, Double.NaN, -30, -40},
            -9999.0, "units", "Gt");
  }

  @Test
  void expressionsFollowPrecedenceAndFunctions() {
    assertThat(Expression.parse("1 + 2 * 3 ^ 2").eval()).isEqualTo(19);
    assertThat(Expression.parse("-(a - 1) / 2").eval(5)).isEqualTo(-2);
    assertThat(Expression.parse("max(abs(a), 3) % 4").eval(-7)).isEqualTo(3);
    assertThat(Expression.parse("a >= 2 and not b < 0 or isnan(b)").eval(2, Double.NaN)).isEqualTo(1);
    assertThat(Expression.parse("`Mass (Gt)` * 2").names()).containsExactly("Mass (Gt)");
    assertThat(Expression.parse("a > 1").eval(Double.NaN)).isEqualTo(0);
  }

  @Test
  void expressionErrorsNameThePosition() {
    assertThatThrownBy(() -> Expression.parse("1 + * 2")).hasMessageContaining("position 5");
    assertThatThrownBy(() -> Expression.parse("system(1)")).hasMessageContaining("known function");
  }

  @Test
  void renameColumnsWithSpacesAndUnits() {
    Dataset out = run(table(), "rename_columns", "columns", Map.of("Mass (Gt)", "mass"));
    assertThat(out.schema().variableNames()).containsExactly("Year", "mass");
  }

  @Test
  void selectColumnsKeepsTheGivenOrder() {
    Dataset out = run(table(), "select_columns", "columns", List.of("Mass (Gt)", "Year"));
    assertThat(out.schema().variableNames()).containsExactly("Mass (Gt)", "Year");
    assertThatThrownBy(() -> run(table(), "select_columns", "columns", List.of("nope")))
        .hasMessageContaining("no variable 'nope'");
  }

  @Test
  void filterRowsTreatsFillCodesAsMissing() throws Exception {
    Dataset out = run(table(), "filter_rows", "where", "Year >= 2000");
    assertThat(values(out, "Year")).containsExactly(2000, 2001);
    assertThat(values(out, "Mass (Gt)")).containsExactly(Double.NaN, -30);
  }

  @Test
  void filterRowsKeepingNothingIsAnError() {
    assertThatThrownBy(() -> run(table(), "filter_rows", "where", "Year > 3000"))
        .isInstanceOf(StepException.class).hasMessageContaining("keeps none of the 4 rows");
    assertThatThrownBy(() -> run(table(), "filter_rows", "where", "nope > 1"))
        .hasMessageContaining("no variable 'nope'");
  }

  @Test
  void deriveColumnComputesWithUnitsAndLineage() throws Exception {
    Dataset out = run(table(), "derive_column", "name", "slr", "expression", "-`Mass (Gt)` / 361.8",
        "units", "mm", "long_name", "sea level", "dtype", "float32");
    assertThat(values(out, "slr")).containsExactly(
        new double[] {10 / 361.8, Double.NaN, 30 / 361.8, 40 / 361.8},
        org.assertj.core.data.Offset.offset(1e-6));
    var v = out.schema().variable("slr");
    assertThat(v.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(v.attributeText("units")).isEqualTo("mm");
    assertThat(v.attributeText("long_name")).isEqualTo("sea level");
    assertThat(v.sources()).containsExactly("Mass (Gt)");
  }

  @Test
  void deriveColumnRejectsExistingName() {
    assertThatThrownBy(() -> run(table(), "derive_column", "name", "Year", "expression", "Year + 1"))
        .hasMessageContaining("exists already");
  }

  @Test
  void convertUnitsWorksOnColumns() throws Exception {
    Dataset out = run(table(), "convert_units", "variable", "Mass (Gt)", "to", "Mt");
    assertThat(values(out, "Mass (Gt)")).containsExactly(-10000, Double.NaN, -30000, -40000);
  }
}
