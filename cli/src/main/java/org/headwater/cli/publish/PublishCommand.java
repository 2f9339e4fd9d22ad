package org.headwater.cli.publish;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.headwater.publish.PublishRequest;
import org.headwater.publish.PublishResult;
import org.headwater.publish.Publisher;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.sysmeta.AccessRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.headwater.cli.lineage.StoreOption;
import org.headwater.provenance.store.LineageStore;
import org.headwater.publish.PublicationLineage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headwater publish RUN_DIR --node URL|local:DIR [--token-file F] [--doi] [--update PID]
 * [--dry-run DIR]}: all logic lives in {@link Publisher}.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = "Publish a run's NetCDF/CSV outputs, its recipe, EML metadata and a provenance resource map"
        + " to a DataONE Member Node (e.g. the Arctic Data Center) or a local archive.")
public final class PublishCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "The run directory (has run.json).")
  Path runDir;

  @Option(names = "--node", required = true, paramLabel = "URL|local:DIR",
      description = "Member Node base URL, e.g. https://test.arcticdata.io/metacat/d1/mn, or local:DIR for an"
          + " offline archive folder (DOIs under the test prefix 10.5072).")
  String node;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the authentication token (default: the HEADWATER_TOKEN variable). ADC: profile,"
          + " Settings, Authentication Token.")
  Path tokenFile;

  @Option(names = "--doi", description = "Ask the node to mint a DOI for the metadata.")
  boolean doi;

  @Option(names = "--update", paramLabel = "PID", description = "Publish a new version of this package"
      + " (its metadata PID/DOI or resource map PID); unchanged data objects are reused.")
  String update;

  @Option(names = "--dry-run", paramLabel = "DIR",
      description = "Write what would be uploaded, validated, to DIR without contacting the node.")
  Path dryRun;

  @Option(names = "--insecure", description = "Allow plain http:// to a non-loopback node.")
  boolean insecure;

  @Option(names = "--access", paramLabel = "SUBJECT=PERM[+PERM]",
      description = "Access rule, repeatable (default public=read). PERM: read, write, changePermission.")
  List<String> access = new ArrayList<>();

  @Option(names = "--rights-holder", paramLabel = "SUBJECT",
      description = "Rights holder (default: the token's subject, i.e. your ORCID).")
  String rightsHolder;

  @Option(names = "--schemas", paramLabel = "DIR", description = "XML schema folder with dataone/ and eml-2.2.0/"
      + " (default: HEADWATER_SCHEMAS, else the user cache that 'headwater schemas fetch' fills; publishing"
      + " to a node fills it on first use).")
  Path schemas;

  @Option(names = "--skip-xsd", description = "When the XML schemas cannot be had, publish anyway with"
      + " Headwater's structural checks only (the output says XSD validation was skipped).")
  boolean skipXsd;


  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean local = node.startsWith("local:") || dryRun != null;
    AuthToken token = AuthToken.resolve(tokenFile, System.getenv());
    PublishRequest req = PublishRequest.builder(runDir, node)
        .token(local && token == null ? null : token)
        .doi(doi).update(update).dryRun(dryRun).insecure(insecure)
        .access(access.isEmpty() ? null : access.stream().map(AccessRule::parse).toList())
        .rightsHolder(rightsHolder).schemas(schemas).skipXsd(skipXsd)
        .notices(line -> {
          out.println(line);
          out.flush();
        })
        .progress(line -> {
          out.println("verified " + line);
          out.flush();
        })
        .build();
    PublishResult r = Publisher.publish(req);
    if (dryRun == null) {
      try (LineageStore s = store.open()) {
        PublicationLineage.load(s, r);
      }
    }
    out.println(r.alreadyPublished() ? "already published; nothing uploaded" : "published to " + r.node());
    out.println("metadata:     " + r.metadataPid());
    out.println("resource map: " + r.resourceMapPid());
    if (r.doi() != null) {
      out.println("DOI:          " + r.doi());
    }
    out.println("citation file: " + r.citationFile());
    out.println(r.citationText());
    return 0;
  }
}
