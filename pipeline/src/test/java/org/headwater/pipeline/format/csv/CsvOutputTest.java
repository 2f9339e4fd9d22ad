package org.headwater.pipeline.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.testing.MemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTest {
  @TempDir Path tmp;

  @Test
  void writesHeaderMissingCodesAndColumnDescription() throws Exception {
    MemoryDataset d = new MemoryDataset().dim("row", 2)
        .var("year", DType.INT32, List.of("row"), new double[] {2000, 2001}, null)
        .var("mass, total", DType.FLOAT64, List.of("row"), new double[] {-1.25, Double.NaN}, -9999.0,
            "units", "Gt", "long_name", "Mass")
        .var("slr", DType.FLOAT64, List.of("row"), new double[] {0.5, Double.NaN}, Double.NaN);
    Path csv = tmp.resolve("m.csv");
    CsvOutput.write(d, "m", csv);
    assertThat(Files.readAllLines(csv)).containsExactly(
        "year,\"mass, total\",slr", "2000,-1.25,0.5", "2001,-9999,");
    String json = Files.readString(tmp.resolve("m.columns.json"));
    assertThat(json).contains("\"name\" : \"mass, total\"", "\"units\" : \"Gt\"",
        "\"missingValue\" : \"-9999\"", "\"description\" : \"Mass\"", "\"type\" : \"int32\"");
  }

  @Test
  void rejectsGrids() {
    assertThatThrownBy(() -> CsvOutput.check(MemoryDataset.grid().schema(), "g"))
        .isInstanceOf(OutputException.class).hasMessageContaining("one-dimensional columns");
  }
}
