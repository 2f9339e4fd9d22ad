package org.headwater.pipeline.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.testing.StepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
  static final String TEXT = "# comment\nYear,Mass (Gt),Site,Depth [m]\n"
      + "2001,-1.5,\"A, north\",3\n2002,-9999,B,NA\n";
  @TempDir Path tmp;

  Path gz(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void readsGzipInfersTypesAndUnitsFromHeaders() throws Exception {
    CsvSource s = CsvSource.open(gz("m.csv.gz", TEXT), "m.csv.gz",
        CsvOptions.of(Map.of("missing", List.of("-9999", "NA")), "m.csv.gz"));
    assertThat(s.schema().variableNames()).containsExactly("Year", "Mass (Gt)", "Site", "Depth [m]");
    assertThat(s.schema().variables()).extracting(v -> v.dtype())
        .containsExactly(DType.INT32, DType.FLOAT64, DType.STRING, DType.INT32);
    assertThat(s.schema().variable("Mass (Gt)").attributeText("units")).isEqualTo("Gt");
    assertThat(s.schema().variable("Mass (Gt)").attributeText("long_name")).isEqualTo("Mass");
    assertThat(s.schema().variable("Depth [m]").attributeText("units")).isEqualTo("m");
    assertThat(StepRunner.values(s, "Mass (Gt)")).containsExactly(-1.5, Double.NaN);
    assertThat(StepRunner.values(s, "Depth [m]")).containsExactly(3, -9999);
    assertThat(s.readAll("Site").getObject(0)).isEqualTo("A, north");
    assertThat(s.report()).containsEntry("Year", "int32 (inferred), 0 missing")
        .containsEntry("Mass (Gt)", "float64 (inferred), 1 missing");
  }

  @Test
  void declaredTypesWinAndTsvIsTabSeparated() throws Exception {
    Path p = tmp.resolve("t.tsv");
    Files.writeString(p, "a\tb\n1\t2\n");
    CsvSource s = CsvSource.open(p, "t.tsv", CsvOptions.of(Map.of("columns", Map.of("a", "float32")), "t.tsv"));
    assertThat(s.schema().variable("a").dtype()).isEqualTo(DType.FLOAT32);
    assertThat(s.schema().variable("b").dtype()).isEqualTo(DType.INT32);
    assertThat(s.report()).containsEntry("a", "float32 (declared), 0 missing");
  }

  @Test
  void aCellThatDoesNotFitNamesLineAndColumn() throws Exception {
    Path p = tmp.resolve("bad.csv");
    Files.writeString(p, "a,b\n1,2\nx,3\n");
    assertThatThrownBy(() -> CsvSource.open(p, "bad.csv",
        CsvOptions.of(Map.of("columns", Map.of("a", "int32")), "bad.csv")))
        .isInstanceOf(SourceException.class).hasMessageContaining("column 'a' line 3: 'x'");
    assertThatThrownBy(() -> CsvOptions.of(Map.of("delim", ","), "x.csv"))
        .hasMessageContaining("CSV option 'delim' is unknown");
  }

  @Test
  void readsAnyRegionOfALargeTableInAnyOrder() throws Exception {
    int rows = 20_000;
    StringBuilder text = new StringBuilder("id,value,flag\n");
    for (int r = 0; r < rows; r++) {
      text.append(r).append(',').append(r % 97 == 0 ? "NA" : String.valueOf(r * 0.5)).append(',')
          .append(r % 2 == 0 ? "even" : "odd").append('\n');
    }
    Path p = gz("big.csv.gz", text.toString());
    try (CsvSource s = CsvSource.open(p, "big.csv.gz", CsvOptions.of(Map.of(), "big.csv.gz"))) {
      assertThat(s.report()).containsEntry("value", "float64 (inferred), " + (rows / 97 + 1) + " missing");
      int[][] regions = {{0, 7}, {7, 1000}, {19_990, 10}, {5, 3}, {12_345, 4000}, {0, rows}};
      for (int[] region : regions) {
        ucar.ma2.Array id = s.read("id", new int[] {region[0]}, new int[] {region[1]});
        ucar.ma2.Array value = s.read("value", new int[] {region[0]}, new int[] {region[1]});
        ucar.ma2.Array flag = s.read("flag", new int[] {region[0]}, new int[] {region[1]});
        for (int k = 0; k < region[1]; k++) {
          int r = region[0] + k;
          assertThat(id.getInt(k)).isEqualTo(r);
          if (r % 97 == 0) {
            assertThat(value.getDouble(k)).as("row %d", r).isNaN();
          } else {
            assertThat(value.getDouble(k)).as("row %d", r).isEqualTo(r * 0.5);
          }
          assertThat(flag.getObject(k)).isEqualTo(r % 2 == 0 ? "even" : "odd");
        }
      }
      assertThatThrownBy(() -> s.read("id", new int[] {rows - 1}, new int[] {2}))
          .hasMessageContaining("region outside column 'id'");
    }
  }

  @Test
  void errorsAnywhereInTheFileAreFoundWhenItIsOpened() throws Exception {
    Path ragged = tmp.resolve("ragged.csv");
    Files.writeString(ragged, "a,b\n1,2\n3,4\n5\n");
    assertThatThrownBy(() -> CsvSource.open(ragged, "ragged.csv", CsvOptions.of(Map.of(), "ragged.csv")))
        .isInstanceOf(SourceException.class)
        .hasMessage("ragged.csv: data line 3 has 1 fields but the header has 2; check the delimiter");
    Path gap = tmp.resolve("gap.csv");
    Files.writeString(gap, "n\n1\n2\nNA\n4\n");
    assertThatThrownBy(() -> CsvSource.open(gap, "gap.csv",
        CsvOptions.of(Map.of("missing", List.of("NA"), "columns", Map.of("n", "int32")), "gap.csv")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("column 'n' line 4 is missing but the column is declared int32");
  }

  @Test
  void aColumnWithEveryCellMissingIsFloat64FullOfNaN() throws Exception {
    Path p = tmp.resolve("gaps.csv");
    Files.writeString(p, "day,rain,site\n1,,a\n2,NA,b\n3,NaN,c\n");
    CsvSource s = CsvSource.open(p, "gaps.csv", CsvOptions.of(Map.of(), "gaps.csv"));
    assertThat(s.schema().variable("rain").dtype()).isEqualTo(DType.FLOAT64);
    assertThat(StepRunner.values(s, "rain")).containsExactly(Double.NaN, Double.NaN, Double.NaN);
    assertThat(s.schema().variable("rain").fillValue()).isEqualTo(Double.NaN);
    assertThat(s.report()).containsEntry("rain", "float64 (inferred), 3 missing")
        .containsEntry("day", "int32 (inferred), 0 missing");

    Path coded = tmp.resolve("coded.csv");
    Files.writeString(coded, "day,rain\n1,-9999\n2,-9999\n");
    CsvSource c = CsvSource.open(coded, "coded.csv",
        CsvOptions.of(Map.of("missing", List.of("-9999")), "coded.csv"));
    assertThat(c.schema().variable("rain").dtype()).isEqualTo(DType.FLOAT64);
    assertThat(StepRunner.values(c, "rain")).containsExactly(Double.NaN, Double.NaN);
    assertThat(c.schema().variable("rain").fillValue()).as("written back by outputs").isEqualTo(-9999.0);
  }

  @Test
  void nanInTheMissingListIsNoCodeForIntegerColumns() throws Exception {
    Path p = tmp.resolve("counts.csv");
    Files.writeString(p, "site,count\na,1\nb,\nc,0\n");
    CsvSource gaps = CsvSource.open(p, "counts.csv", CsvOptions.of(Map.of(), "counts.csv"));
    assertThat(gaps.schema().variable("count").dtype()).as("integers with a gap, as pandas reads them")
        .isEqualTo(DType.FLOAT64);
    assertThat(StepRunner.values(gaps, "count")).containsExactly(1.0, Double.NaN, 0.0);
    CsvSource s = CsvSource.open(p, "counts.csv",
        CsvOptions.of(Map.of("missing", List.of("", "NaN", "-1")), "counts.csv"));
    assertThat(s.schema().variable("count").dtype()).isEqualTo(DType.INT32);
    assertThat(StepRunner.values(s, "count")).containsExactly(1, -1, 0);
    assertThat(s.schema().variable("count").fillValue()).isEqualTo(-1);
    assertThatThrownBy(() -> CsvSource.open(p, "counts.csv",
        CsvOptions.of(Map.of("columns", Map.of("count", "int16")), "counts.csv")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("column 'count' line 3 is missing but the column is declared int16")
        .hasMessageContaining("add one (e.g. -9999) or declare the column float64");
  }

  @Test
  void tablesOfSeveralFilesReadAcrossTheirBoundaries() throws Exception {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    Files.writeString(a, "t,x\n0,10\n1,11\n2,12\n");
    Files.writeString(b, "t,x\n3,13\n4,14\n");
    CsvSource first = CsvSource.open(a, "a.csv", CsvOptions.of(Map.of(), "a.csv"));
    CsvSource second = CsvSource.open(b, "b.csv", CsvOptions.of(Map.of(), "b.csv"));
    assertThat(StepRunner.values(first, "x")).containsExactly(10, 11, 12);
    assertThat(StepRunner.values(second, "x")).containsExactly(13, 14);
    first.close();
    assertThat(StepRunner.values(first, "t")).as("readable again after close").containsExactly(0, 1, 2);
  }

  @Test
  void aOneRowRegionKeepsItsDimension() throws Exception {
    Path p = tmp.resolve("one.csv");
    Files.writeString(p, "t,x\n0,10\n1,11\n2,12\n");
    CsvSource s = CsvSource.open(p, "one.csv", CsvOptions.of(Map.of(), "one.csv"));
    ucar.ma2.Array row = s.read("x", new int[] {1}, new int[] {1});
    assertThat(row.getShape()).as("a slab of one row, not a scalar").containsExactly(1);
    assertThat(row.getInt(0)).isEqualTo(11);
  }
}
