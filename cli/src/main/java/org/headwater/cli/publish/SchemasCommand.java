package org.headwater.cli.publish;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.headwater.publish.validate.PinnedSchemas;
import org.headwater.publish.validate.SchemaCache;
import org.headwater.publish.validate.SchemaFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code headwater schemas}: where the XML schemas that publishing validates against are; {@code
 * headwater schemas fetch} downloads them (see {@link SchemaFetcher}).
 */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = "Show which XML schemas (DataONE v2 types, EML 2.2.0) publishing validates against;"
        + " 'schemas fetch' downloads them.",
    subcommands = SchemasCommand.Fetch.class)
public final class SchemasCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> dir = SchemaCache.find(null, System.getenv());
    if (dir.isPresent()) {
      out.println("XML schemas: " + dir.get());
      return 0;
    }
    out.println("no XML schemas in " + SchemaCache.userCache(System.getenv()) + "; run '"
        + SchemaCache.FETCH_COMMAND + "' to fetch them (local archives and --skip-xsd publish"
        + " without XSD validation)");
    return 1;
  }

  /** {@code headwater schemas fetch [--from URL] [--to DIR]}. */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = "Download the DataONE and EML 2.2.0 XML schemas, at the revisions Headwater pins,"
          + " into the user cache ($XDG_CACHE_HOME/headwater/schemas, default"
          + " ~/.cache/headwater/schemas); each file is checked against its pinned SHA-256 and refused"
          + " when it differs.")
  static final class Fetch implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "URL",
        description = "Fetch from a copy laid out like the cache (URL/dataone/..., URL/eml-2.2.0/...)"
            + " instead of the canonical locations (default: " + SchemaFetcher.MIRROR_ENV + ").")
    URI from;

    @Option(names = "--to", paramLabel = "DIR", description = "Fetch into DIR instead of the user cache.")
    Path to;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = to != null ? to.toAbsolutePath().normalize() : SchemaCache.userCache(System.getenv());
      SchemaFetcher fetcher = from != null ? SchemaFetcher.mirror(from) : SchemaFetcher.fromEnv(System.getenv());
      int n = fetcher.fetch(dir, line -> {
        out.println(line);
        out.flush();
      });
      out.printf("%d of %d files fetched, all %d verified against their pinned SHA-256: %s%n", n,
          PinnedSchemas.files().size(), PinnedSchemas.files().size(), dir);
      return 0;
    }
  }
}
