package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.examples.DemoPipeline;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run built in Java with the API (the demo written in Java) is a run directory like any other:
 * {@code headwater lineage}, {@code publish} and {@code cite} work on it.
 */
class CodeBuiltRunIT {
  @TempDir Path tmp;

  @Test
  void lineagePublishAndCiteWorkOnARunBuiltInJava() throws Exception {
    Path sources = tmp.resolve("sources");
    DemoData.write(sources);
    Path store = tmp.resolve("lineage");
    RunResult r = DemoPipeline.run("file:" + sources,
        RunOptions.defaults(tmp.resolve("work")).withStore(store));

    CliRun lineage = CliRun.of("lineage", r.runDir().resolve("outputs/speed.nc") + "#surface_speed",
        "--store", store.toString());
    assertThat(lineage.code()).as(lineage.err()).isZero();
    assertThat(lineage.out())
        .contains("<- velsurf_mag in speed_member01.nc [variable]")
        .contains("https://doi.org/10.5072/headwater-demo-greenland-projections [dataset]");

    String archive = "local:" + tmp.resolve("archive");
    CliRun publish = CliRun.of("publish", r.runDir().toString(), "--node", archive, "--doi", "--skip-xsd");
    assertThat(publish.code()).as(publish.err()).isZero();
    String doi = publish.out().lines().filter(l -> l.startsWith("DOI:")).findFirst().orElseThrow()
        .replaceFirst("^DOI:\\s+", "").trim();
    assertThat(doi).contains("10.5072/");

    CliRun cite = CliRun.of("cite", doi, "--node", archive);
    assertThat(cite.code()).as(cite.err()).isZero();
    assertThat(cite.out()).containsPattern("Carberry, J\\. \\d{4}\\. Greenland ice sheet surface speed");
  }
}
