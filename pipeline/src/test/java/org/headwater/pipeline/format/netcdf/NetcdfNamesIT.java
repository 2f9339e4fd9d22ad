package org.headwater.pipeline.format.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.Recipes;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.VariableRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.nc2.NetcdfFile;

/**
 * NetCDF-Java cannot hold spaces in names: a CSV column {@code rain (mm)} is written to NetCDF as
 * {@code rain_(mm)}, and the run record (hence PROV and EML) must name what is in the file.
 */
class NetcdfNamesIT {
  @TempDir Path tmp;

  private String recipe(String header, String format) throws Exception {
    return recipe(header, format, "");
  }

  private String recipe(String header, String format, String steps) throws Exception {
    Path src = Files.writeString(tmp.resolve("gauge.csv"), header + "\n0,1.5\n1,2.5\n");
    return "id: gauge\n"
        + "sources:\n"
        + "  - {name: gauge, url: \"" + src.toUri() + "\", file_type: csv}\n"
        + steps
        + "outputs:\n"
        + "  - {name: file, format: " + format + ", path: gauge.nc}\n";
  }

  @Test
  void theRecordNamesTheVariablesAsTheNetcdfFileDoes() throws Exception {
    RunResult r = Recipes.run(recipe("day,rain (mm)", "netcdf"), tmp.resolve("work"));
    Path file = r.runDir().resolve("outputs/gauge.nc");
    try (NetcdfFile nc = NetcdfFile.open(file.toString())) {
      assertThat(nc.findVariable("rain_(mm)")).isNotNull();
      assertThat(nc.findVariable("rain_(mm)").read().getDouble(1)).isEqualTo(2.5);
      OutputRecord out = r.record().outputs().get(0);
      assertThat(out.variables()).extracting(VariableRecord::name)
          .containsExactlyInAnyOrderElementsOf(nc.getVariables().stream().map(v -> v.getShortName()).toList());
      VariableRecord rain = out.variables().stream().filter(v -> v.name().equals("rain_(mm)")).findFirst().orElseThrow();
      assertThat(rain.sources()).as("lineage keeps the column's own name").containsExactly("rain (mm)");
      assertThat(rain.dimensions()).containsExactly(nc.findVariable("rain_(mm)").getDimension(0).getShortName());
    }
    assertThat(Files.readString(r.runDir().resolve("prov.ttl"))).contains("/variable/rain_%28mm%29");
  }

  @Test
  void twoNamesThatWouldCollideFailBeforeAnythingIsWritten() throws Exception {
    assertThatThrownBy(() -> Recipes.run(recipe("a b,a_b", "netcdf"), tmp.resolve("work")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("output 'file': variables 'a b' and 'a_b' would both be named 'a_b'")
        .hasMessageContaining("rename");
    try (Stream<Path> runs = Files.list(tmp.resolve("work/runs"))) {
      assertThat(runs.toList()).allSatisfy(d -> assertThat(d.resolve("outputs")).doesNotExist());
    }
  }

  @Test
  void attributesAreRenamedAsVariablesAreAndNeverOverwriteEachOther() throws Exception {
    String steps = "steps:\n"
        + "  - {step: set_attributes, variable: rain, attributes: {\"long name\": daily rain, units: mm}}\n"
        + "  - {step: set_attributes, attributes: {\"gauge/site\": north}}\n";
    RunResult r = Recipes.run(recipe("day,rain", "netcdf", steps), tmp.resolve("work"));
    try (NetcdfFile nc = NetcdfFile.open(r.runDir().resolve("outputs/gauge.nc").toString())) {
      assertThat(nc.findVariable("rain").findAttribute("long_name").getStringValue()).isEqualTo("daily rain");
      assertThat(nc.findGlobalAttribute("gauge_site").getStringValue()).isEqualTo("north");
    }

    String clash = "steps:\n"
        + "  - {step: set_attributes, variable: rain, attributes: {\"long name\": a, long_name: b}}\n";
    assertThatThrownBy(() -> Recipes.run(recipe("day,rain", "netcdf", clash), tmp.resolve("clash")))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("output 'file': attributes 'long name' and 'long_name' of variable 'rain' would both be"
            + " named 'long_name'")
        .hasMessageContaining("delete_attributes");
    try (Stream<Path> runs = Files.list(tmp.resolve("clash/runs"))) {
      assertThat(runs.toList()).allSatisfy(d -> assertThat(d.resolve("outputs")).doesNotExist());
    }
  }
}
