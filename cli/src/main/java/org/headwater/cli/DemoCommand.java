package org.headwater.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.headwater.cli.lineage.StoreOption;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageFormat;
import org.headwater.provenance.lineage.Lineages;
import org.headwater.provenance.store.LineageStore;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.publish.PublishRequest;
import org.headwater.publish.PublishResult;
import org.headwater.publish.PublicationLineage;
import org.headwater.publish.Publisher;
import org.headwater.pipeline.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code headwater demo}: the offline demonstration. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Fully offline demo: writes a synthetic Greenland surface-speed ensemble (one NetCDF file"
          + " per member, one member missing), runs examples/greenland-speed-ensemble.yaml on it and"
          + " prints what it made (among it member 1 as Cloud-Optimized GeoTIFFs in EPSG:3413 and"
          + " reprojected to EPSG:4326) and the upstream lineage of one output variable; runs a second recipe"
          + " on the first one's NetCDF output and prints that two-recipe lineage; then publishes the"
          + " NetCDF, CSV and GeoTIFF outputs into a local archive (DOI under the 10.5072 test prefix) and prints the"
          + " citation. The last line is the run directory."
    })
final class DemoCommand implements Callable<Integer> {
  static final String RECIPE = "examples/greenland-speed-ensemble.yaml";
  static final String MEAN_RECIPE = "examples/greenland-speed-ensemble-mean.yaml";

  @Mixin WorkOptions work;

  @Mixin StoreOption store;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path sources = work.work.toAbsolutePath().resolve("demo-sources");
    DemoData.write(sources);
    out.printf("wrote demo sources to %s (member %d is missing on purpose)%n", sources,
        DemoData.MISSING_MEMBER);
    Path recipeFile = recipePath(RECIPE);
    Recipe recipe =
        RecipeParser.withParams(Map.of("source_root", "file:" + sources))
            .parse(recipeFile);
    Path lineageStore = store.locationOr(work.work.toAbsolutePath().resolve("lineage"));
    RunResult result =
        RunCommand.run(recipe, RunOptions.defaults(work.work).withStore(lineageStore));
    Summary.printBody(out, result);
    out.printf("Cloud-Optimized GeoTIFFs: %s (EPSG:3413), %s (reprojected to EPSG:4326)%n",
        result.runDir().resolve("outputs/speed-cog"), result.runDir().resolve("outputs/speed-cog-wgs84"));
    printLineage(out, lineageStore, result.runDir().resolve("outputs/speed.nc") + "#surface_speed");

    Recipe mean =
        RecipeParser.withParams(
                Map.of("upstream", "file:" + result.runDir().resolve("outputs/speed.nc")))
            .parse(recipePath(MEAN_RECIPE));
    out.printf("%nrunning a second recipe on the first one's NetCDF output: %s%n", MEAN_RECIPE);
    out.flush();
    RunResult second = RunCommand.run(mean, RunOptions.defaults(work.work).withStore(lineageStore));
    Summary.printBody(out, second);
    printLineage(
        out, lineageStore, second.runDir().resolve("outputs/speed_mean.nc") + "#mean_surface_speed");

    Path archive = work.work.toAbsolutePath().resolve("archive");
    out.printf("%npublishing the NetCDF, CSV and GeoTIFF outputs, EML and provenance to the local archive %s%n", archive);
    out.flush();
    PublishResult published =
        Publisher.publish(
            PublishRequest.builder(result.runDir(), "local:" + archive)
                .doi(true)
                .notices(line -> {
                  out.println("  " + line);
                  out.flush();
                })
                .progress(line -> {
                  out.println("  verified " + line);
                  out.flush();
                })
                .build());
    try (LineageStore s = LineageStore.open(lineageStore)) {
      PublicationLineage.load(s, published);
    }
    out.printf("metadata %s, resource map %s, DOI %s (DataCite test prefix 10.5072)%n",
        published.metadataPid(), published.resourceMapPid(), published.doi());
    out.println("cite as:");
    out.println("  " + published.citationText());
    out.println();
    out.println(result.runDir());
    out.flush();
    return 0;
  }

  private static void printLineage(PrintWriter out, Path lineageStore, String target) {
    out.printf("%nupstream lineage of %s:%n", target);
    out.flush();
    try (LineageStore s = LineageStore.open(lineageStore)) {
      Lineages.print(
          s, target, Lineage.Direction.UPSTREAM, Lineage.UNLIMITED, LineageFormat.TREE, System.out);
    }
    System.out.flush();
  }

  /** An example recipe of this checkout ({@code headwater.home}, else the current directory). */
  static Path recipePath(String relative) {
    String home = System.getProperty("headwater.home");
    Path p = Path.of(home == null ? "." : home).resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "cannot find " + relative + " under " + Path.of(home == null ? "." : home).toAbsolutePath()
              + "; run the demo from a Headwater checkout with ./headwater demo");
    }
    return p;
  }
}
