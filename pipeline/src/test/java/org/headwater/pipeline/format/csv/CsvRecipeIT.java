package org.headwater.pipeline.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files concatenated along their rows by a recipe, end to end on the DirectRunner. */
class CsvRecipeIT {
  @TempDir Path tmp;

  @Test
  void concatenatesCsvFilesAlongTheirRowsIntoOneTable() throws Exception {
    Files.createDirectories(tmp.resolve("src"));
    List<String> expected = new ArrayList<>();
    int[] rowsPerFile = {2500, 1, 1800};
    int row = 0;
    for (int f = 0; f < rowsPerFile.length; f++) {
      StringBuilder text = new StringBuilder("# station log\nday,temp (K),site\n");
      for (int r = 0; r < rowsPerFile[f]; r++, row++) {
        String temp = row % 50 == 7 ? "NA" : String.valueOf(250 + row * 0.25);
        text.append(row).append(',').append(temp).append(",\"s, ").append(row % 3).append("\"\n");
        double x = 250 + row * 0.25;
        String written = x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        expected.add(row + "," + (row % 50 == 7 ? "" : written) + ",\"s, " + (row % 3) + "\"");
      }
      Path file = tmp.resolve("src/part" + f + ".csv"); // part1.csv is gzipped: read by its magic bytes
      try (OutputStream out = f == 1 ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    String recipe = "id: stations\n"
        + "sources:\n"
        + "  - name: log\n"
        + "    url: \"" + tmp.resolve("src").toUri() + "part{row}.csv\"\n"
        + "    file_type: csv\n"
        + "    dimensions:\n"
        + "      - {name: row, kind: concat, keys: [0, 1, 2]}\n"
        + "outputs:\n"
        + "  - {name: table, format: csv}\n";
    RunResult r = Recipes.run(recipe, tmp.resolve("work"));
    assertThat(r.record().inputs()).hasSize(3);
    Path out = r.runDir().resolve("outputs/table.csv");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("day,temp (K),site");
    assertThat(lines.subList(1, lines.size())).hasSize(row).isEqualTo(expected);
  }

  @Test
  void aColumnWithNoValuesIsWrittenAsMissingToCsvZarrAndNetcdf() throws Exception {
    Path src = tmp.resolve("gauge.csv");
    Files.writeString(src, "day,level,rain\n0,1.5,\n1,1.75,NA\n2,2,NaN\n");
    String recipe = "id: gauge\n"
        + "sources:\n"
        + "  - {name: gauge, url: \"" + src.toUri() + "\", file_type: csv}\n"
        + "outputs:\n"
        + "  - {name: table, format: csv}\n"
        + "  - {name: cube, format: zarr}\n"
        + "  - {name: file, format: netcdf, path: gauge.nc}\n";
    RunResult r = Recipes.run(recipe, tmp.resolve("work"));
    Path out = r.runDir().resolve("outputs");
    assertThat(Files.readAllLines(out.resolve("table.csv")))
        .containsExactly("day,level,rain", "0,1.5,", "1,1.75,", "2,2,");
    assertThat(Files.readString(out.resolve("table.columns.json")))
        .contains("\"name\" : \"rain\",\n    \"type\" : \"float64\"");

    Python.require("python3-xarray python3-zarr python3-netcdf4", "xarray", "zarr", "netCDF4");
    String seen = Python.run(String.join("\n",
        "import sys, xarray as xr",
        "for ds in [xr.open_zarr(sys.argv[1], consolidated=True), xr.open_dataset(sys.argv[2])]:",
        "    rain, day = ds['rain'], ds['day']",
        "    print(rain.dtype, rain.encoding['dtype'], int(rain.isnull().sum()), day.dtype,",
        "          list(day.values))"),
        out.resolve("cube.zarr").toString(), out.resolve("gauge.nc").toString());
    assertThat(seen.lines()).as("zarr, then netcdf, as xarray reads them")
        .containsExactly("float64 float64 3 int32 [0, 1, 2]", "float64 float64 3 int32 [0, 1, 2]");

    String dims = Python.run(String.join("\n",
        "import sys, xarray as xr",
        "print(' '.join(xr.open_zarr(sys.argv[1], consolidated=True)['rain'].dims))"),
        out.resolve("cube.zarr").toString()).trim();
    assertThat(dims).isNotBlank();
    var table = r.record().outputs().stream().filter(o -> o.name().equals("table")).findFirst()
        .orElseThrow();
    assertThat(table.variables()).allSatisfy(
        v -> assertThat(String.join(" ", v.dimensions())).as(v.name()).isEqualTo(dims));
    var run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        r.runDir().resolve("run.json").toFile());
    for (var o : run.get("outputs")) {
      if (o.get("name").asText().equals("table")) {
        assertThat(o.at("/variables/0/dimensions").toString()).isEqualTo("[\"" + dims + "\"]");
      }
    }
    assertThat(Files.readString(out.resolve("table.columns.json")))
        .contains("\"dimensions\" : [ \"" + dims + "\" ]");
  }
}
