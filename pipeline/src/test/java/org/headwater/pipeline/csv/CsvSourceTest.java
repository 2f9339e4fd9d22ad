package org.headwater.pipeline.csv;

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
}
