package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater lineage import FILE} as the README shows it, then a lineage walk through it. */
class LineageImportIT {
  @TempDir Path tmp;

  @Test
  void importedProvenanceIsWalkedByLineage() throws Exception {
    Path prov = Files.writeString(tmp.resolve("elsewhere.ttl"),
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
            + "<https://example.org/derived.nc> prov:wasDerivedFrom <https://example.org/raw.nc> .\n"
            + "<https://example.org/raw.nc> prov:hadPrimarySource <https://doi.org/10.18739/A2RAW> .\n");
    String store = tmp.resolve("lineage").toString();

    CliRun imported = CliRun.of("lineage", "import", prov.toString(), "--store", store);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported " + prov);

    CliRun walked = CliRun.of("lineage", "https://example.org/derived.nc", "--format", "json", "--store", store);
    assertThat(walked.code()).as(walked.err()).isZero();
    assertThat(walked.out()).contains("https://example.org/raw.nc", "https://doi.org/10.18739/A2RAW");
  }

  @Test
  void lineageWithoutATargetSaysWhatToGive() {
    CliRun o = CliRun.of("lineage", "--store", tmp.resolve("lineage").toString());
    assertThat(o.code()).isNotZero();
    assertThat(o.err()).contains("lineage: give TARGET").contains("headwater lineage import FILE|URL");
  }
}
