package org.headwater.pipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.run.RecipeRunner;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.run.XarrayCheck;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.provenance.record.RecipeInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo written in Java ({@link DemoPipeline}) against the demo recipe: it declares the same
 * plan as examples/greenland-speed-ensemble.yaml, and on the DirectRunner and on Flink's embedded
 * cluster it makes the same outputs (every file's SHA-256) and the same PROV graph (isomorphic)
 * as the recipe of its plan run by {@code headwater run}'s code.
 */
class DemoPipelineIT {
  @TempDir static Path tmp;
  static Path sources;
  static String root;
  static RunResult java;
  static RunResult recipe;

  @BeforeAll
  static void runBoth() throws Exception {
    sources = tmp.resolve("sources");
    DemoData.write(sources);
    root = "file:" + sources;
    java = DemoPipeline.run(root, RunOptions.defaults(tmp.resolve("java")));
    Recipe plan = RecipeParser.create().parse(java.runDir().resolve("recipe.yaml"));
    recipe = RecipeRunner.run(plan, RunOptions.defaults(tmp.resolve("recipe")));
  }

  /** The Java code declares exactly the demo recipe: sources, steps, outputs and metadata. */
  @Test
  void declaresTheDemoRecipe() {
    Recipe example = RecipeParser.withParams(Map.of("source_root", root))
        .parse(Path.of("../examples/greenland-speed-ensemble.yaml"));
    Recipe plan = RecipeParser.create().parse(java.runDir().resolve("recipe.yaml"));
    assertThat(plan.sources()).isEqualTo(example.sources());
    assertThat(plan.outputs()).isEqualTo(example.outputs());
    assertThat(plan.steps()).extracting(DemoPipelineIT::withoutLocation)
        .containsExactlyElementsOf(example.steps().stream().map(DemoPipelineIT::withoutLocation).toList());
    assertThat(describe(plan.info())).isEqualTo(describe(example.info()));
    assertThat(java.record().recipe().sha256())
        .isEqualTo(Hashing.sha256Hex(readBytes(java.runDir().resolve("recipe.yaml"))));
  }

  @Test
  void javaOnTheDirectRunnerEqualsTheRecipe() throws Exception {
    assertThat(java.record().software().runner()).isEqualTo("DirectRunner");
    RunEquality.Report r = RunEquality.assertEqual(java, recipe);
    System.out.printf("[equality] DirectRunner: %d output files equal by SHA-256 (%d byte-identical as"
        + " written, the rest after blanking the run id and time in history); PROV isomorphic, %d"
        + " triples%n", r.files(), r.identicalAsWritten(), r.triples());
  }

  @Test
  void javaOnFlinkEqualsTheRecipe() throws Exception {
    RunResult flink = DemoPipeline.run(root, RunOptions.defaults(tmp.resolve("flink")).withRunner("flink"));
    assertThat(flink.record().software().runner()).isEqualTo("FlinkRunner");
    RunEquality.Report r = RunEquality.assertEqual(flink, recipe);
    System.out.printf("[equality] FlinkRunner [local]: %d output files equal by SHA-256 (%d"
        + " byte-identical as written); PROV isomorphic, %d triples%n",
        r.files(), r.identicalAsWritten(), r.triples());
  }

  /** The data chunks are the example recipe's own: every Zarr chunk file and the CSV, byte for byte. */
  @Test
  void dataChunksEqualTheExampleRecipesRun() throws Exception {
    Recipe example = RecipeParser.withParams(Map.of("source_root", root))
        .parse(Path.of("../examples/greenland-speed-ensemble.yaml"));
    RunResult fromYaml = RecipeRunner.run(example, RunOptions.defaults(tmp.resolve("yaml")));
    Map<String, String> a = RunEquality.hashes(java);
    Map<String, String> b = RunEquality.hashes(fromYaml);
    assertThat(a.keySet()).isEqualTo(b.keySet());
    int chunks = 0;
    for (String f : a.keySet()) {
      if (f.matches(".*speed\\.zarr/surface_speed/\\d.*") || f.endsWith(".csv")) {
        assertThat(a.get(f)).as(f).isEqualTo(b.get(f));
        chunks++;
      }
    }
    assertThat(chunks).isGreaterThan(5);
    System.out.printf("[equality] example recipe: %d data chunk and CSV files byte-identical%n", chunks);
  }

  /** xarray, netCDF4-python and pandas read the Java-built outputs as the sources say they should be. */
  @Test
  void xarrayReadsTheExpectedValues() {
    ExternalTools.requireXarray();
    String out = ExternalTools.python(XarrayCheck.SCRIPT, sources.toString(),
        java.runDir().resolve("outputs").toString());
    assertThat(out).contains("zarr ok", "netcdf ok", "csv ok");
  }

  /** A step without its location in the recipe file; parameters compared as maps. */
  /**
   * Independent readers agree: xarray reads the same values and attributes (but the history line)
   * in both runs' Zarr and NetCDF outputs, pandas the same CSV, and rdflib finds the normalised
   * PROV graphs isomorphic.
   */
  @Test
  void xarrayAndRdflibAgreeTheRunsAreEqual() throws Exception {
    ExternalTools.requireXarray();
    ExternalTools.require("python3-rdflib", ExternalTools.PYTHON, "-c", "import rdflib");
    Path a = tmp.resolve("java-prov.nt");
    Path b = tmp.resolve("recipe-prov.nt");
    RunEquality.normalised(java, recipe).write(Files.newOutputStream(a), "N-TRIPLES");
    RunEquality.normalised(recipe, recipe).write(Files.newOutputStream(b), "N-TRIPLES");
    String out = ExternalTools.python(String.join("\n",
        "import sys, xarray as xr, pandas as pd, rdflib",
        "from rdflib.compare import isomorphic",
        "ja, ra, pa, pb = sys.argv[1:5]",
        "def noh(d):",
        "    d.attrs.pop('history', None)",
        "    return d",
        "xr.testing.assert_identical(noh(xr.open_zarr(ja + '/outputs/speed.zarr')),"
            + " noh(xr.open_zarr(ra + '/outputs/speed.zarr')))",
        "xr.testing.assert_identical(noh(xr.open_dataset(ja + '/outputs/speed.nc')),"
            + " noh(xr.open_dataset(ra + '/outputs/speed.nc')))",
        "pd.testing.assert_frame_equal(pd.read_csv(ja + '/outputs/mass.csv'), pd.read_csv(ra + '/outputs/mass.csv'))",
        "ga, gb = rdflib.Graph().parse(pa, format='nt'), rdflib.Graph().parse(pb, format='nt')",
        "assert len(ga) == len(gb) > 500, (len(ga), len(gb))",
        "assert isomorphic(ga, gb)",
        "print('equal', len(ga))"),
        java.runDir().toString(), recipe.runDir().toString(), a.toString(), b.toString());
    assertThat(out).contains("equal");
    System.out.println("[equality] xarray/pandas: outputs identical but history; rdflib: PROV isomorphic, "
        + out.strip());
  }

  private static List<Object> withoutLocation(StepSpec s) {
    return List.of(s.index(), s.name(), s.dataset(), s.parameters());
  }

  private static String describe(RecipeInfo i) {
    return String.join("|", i.id(), i.title(), i.description(), i.license(),
        i.creators().toString(), i.keywords().toString(), i.funding().toString());
  }

  private static byte[] readBytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
