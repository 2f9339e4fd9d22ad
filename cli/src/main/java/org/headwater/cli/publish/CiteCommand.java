package org.headwater.cli.publish;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.headwater.publish.Publisher;
import org.headwater.publish.cite.Citations;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.dataone.MemberNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headwater cite PID|DOI [--node URL|local:DIR] [--format text|bibtex|cff|datacite]}. */
@Command(
    name = "cite",
    mixinStandardHelpOptions = true,
    description = "Print the citation of a published package, read back from its EML on the node.")
public final class CiteCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PID|DOI", description = "Metadata PID, DOI (doi:10..., 10..., https://doi.org/10...)"
      + " or resource map PID.")
  String pid;

  @Option(names = "--node", paramLabel = "URL|local:DIR", defaultValue = "https://arcticdata.io/metacat/d1/mn",
      description = "Where it was published (default: ${DEFAULT-VALUE}).")
  String node;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, bibtex, cff or datacite (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--token-file", paramLabel = "FILE", description = "Token for private packages (default:"
      + " HEADWATER_TOKEN if set).")
  Path tokenFile;

  @Option(names = "--insecure", description = "Allow plain http:// to a non-loopback node.")
  boolean insecure;


  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Citations.Format f = Citations.Format.parse(format);
    try (MemberNode n = Publisher.openForReading(node, AuthToken.resolve(tokenFile, System.getenv()), insecure)) {
      spec.commandLine().getOut().println(Citations.format(Citations.lookup(n, pid), f).stripTrailing());
    }
    return 0;
  }
}
