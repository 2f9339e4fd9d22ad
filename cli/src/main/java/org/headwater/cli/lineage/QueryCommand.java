package org.headwater.cli.lineage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.headwater.ontologies.NamedQuery;
import org.headwater.provenance.ProvenanceException;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.StoreQueries;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater query FILE.rq | -e SPARQL [--format table|csv|json] [-p VAR=VALUE]...}. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run a SPARQL query (never an update) over every run in the lineage store.",
      "FILE may also name a shipped query: source-roots, upstream-path, downstream-impact,"
          + " output-steps, recipe-outputs (bind its variable with -p target=IRI)."
    })
public final class QueryCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Parameters(index = "0", paramLabel = "FILE.rq", description = "A .rq file or a shipped query name.")
    String file;

    @Option(names = "-e", paramLabel = "SPARQL", description = "The query text.")
    String text;
  }

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "VAR=VALUE",
      description = "Bind ?VAR to VALUE (an IRI when it looks like one, else a string); bound, never spliced.")
  List<String> params = List.of();

  @Mixin StoreOption store;

  @Override
  public Integer call() throws IOException {
    Query query = StoreQueries.parse(text());
    Map<String, Node> bindings = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("-p must be VAR=VALUE: " + p);
      }
      String value = p.substring(eq + 1);
      bindings.put(p.substring(0, eq).replaceFirst("^\\?", ""),
          value.matches("(?i)^(https?|urn|file|mailto):\\S+$")
              ? NodeFactory.createURI(value) : NodeFactory.createLiteralString(value));
    }
    try (LineageStore s = store.open()) {
      StoreQueries.run(s, query, bindings, StoreQueries.Format.parse(format), System.out);
    }
    return 0;
  }

  private String text() throws IOException {
    if (source.text != null) {
      return source.text;
    }
    Path path = Path.of(source.file);
    if (Files.isRegularFile(path)) {
      return Files.readString(path);
    }
    try {
      return NamedQuery.byName(source.file).text();
    } catch (IllegalArgumentException e) {
      throw new ProvenanceException("no such query file: " + source.file + " (" + e.getMessage() + ")", e);
    }
  }
}
