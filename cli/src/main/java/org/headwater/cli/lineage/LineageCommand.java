package org.headwater.cli.lineage;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.headwater.provenance.lineage.Lineage;
import org.headwater.provenance.lineage.LineageFormat;
import org.headwater.provenance.lineage.LineageGraph;
import org.headwater.provenance.lineage.Lineages;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.ProvImport;
import org.headwater.web.picture.LineagePicture;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headwater lineage TARGET [--upstream|--downstream] [--depth N] [--format F]} and {@code
 * headwater lineage import FILE|URL}.
 */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = {
      "Show where an output came from (upstream, the default) or what was derived from a source"
          + " (downstream).",
      "TARGET is a path (hashed and found by content; add #VAR for one variable), a URL, a SHA-256,"
          + " a PID or a DOI."
    },
    subcommands = {LineageCommand.Import.class})
public final class LineageCommand implements Callable<Integer> {
  // optional for picocli, so that 'lineage import FILE' reaches its subcommand (picocli checks a
  // parent's required parameters first); call() asks for it
  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "Path, URL, SHA-256, PID or DOI.")
  String target;

  @ArgGroup(exclusive = true)
  DirectionOption direction = new DirectionOption();

  static final class DirectionOption {
    @Option(names = "--upstream", description = "What TARGET came from (default).")
    boolean upstream;

    @Option(names = "--downstream", description = "What was derived from TARGET (impact).")
    boolean downstream;
  }

  @Option(names = "--depth", paramLabel = "N", description = "Follow at most N derivation hops (default: all).")
  Integer depth;

  @Option(
      names = "--format",
      defaultValue = "tree",
      paramLabel = "FORMAT",
      description = "tree, turtle, json, dot or svg. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--svg", description = "Same as --format svg: the picture 'headwater serve' shows (members of"
      + " one source grouped, time left to right, each box a link to its page).")
  boolean svg;

  @Option(names = "--link-base", paramLabel = "URL", defaultValue = "http://127.0.0.1:" + LineageServer.DEFAULT_PORT,
      description = "Where the SVG's links point: a 'headwater serve' (default: ${DEFAULT-VALUE}).")
  String linkBase;

  @Mixin StoreOption store;

  @Override
  public Integer call() throws java.io.IOException {
    if (target == null) {
      throw new IllegalArgumentException(
          "lineage: give TARGET (an output path, URL, SHA-256, PID or DOI), or import provenance with"
              + " 'headwater lineage import FILE|URL'");
    }
    if (depth != null && depth < 0) {
      throw new IllegalArgumentException("--depth < 0: " + depth);
    }
    LineageFormat f = svg ? LineageFormat.SVG : LineageFormat.parse(format);
    Lineage.Direction d = direction.downstream ? Lineage.Direction.DOWNSTREAM : Lineage.Direction.UPSTREAM;
    PrintStream out = System.out;
    try (LineageStore s = store.open()) {
      int hops = depth == null ? Lineage.UNLIMITED : depth;
      LineageGraph g;
      if (f == LineageFormat.SVG) {
        LineagePicture.Drawing drawing = LineagePicture.of(s, target, d, hops, linkBase.replaceAll("/+$", ""));
        g = drawing.walk();
        if (!g.isEmpty()) {
          out.write(drawing.svg());
          out.flush();
        }
      } else {
        g = Lineages.print(s, target, d, hops, f, out);
      }
      if (g.isEmpty()) {
        System.err.println("nothing in the lineage store " + s.location() + " matches '" + target
            + "'; load runs with 'headwater run' or 'headwater lineage import'");
        return 1;
      }
    }
    return 0;
  }

  /** {@code headwater lineage import FILE|URL}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import PROV (Turtle, JSON-LD) or a DataONE resource map (RDF/XML) from a file or URL.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|URL")
    String source;

    @Mixin StoreOption store;

    @Override
    public Integer call() {
      OkHttpClient http = new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofMinutes(2)).build();
      try (LineageStore s = store.open()) {
        String graph = ProvImport.load(s, source, http);
        System.out.println("imported " + source + " as " + graph);
      }
      return 0;
    }
  }
}
