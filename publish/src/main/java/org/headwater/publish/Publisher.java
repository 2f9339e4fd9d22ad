package org.headwater.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.RunState;
import org.headwater.publish.cite.Citation;
import org.headwater.publish.cite.CitationCff;
import org.headwater.publish.cite.Citations;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.dataone.DataOneException;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.dataone.MemberNodeClient;
import org.headwater.publish.dataone.NodeInfo;
import org.headwater.publish.journal.PublishJournal;
import org.headwater.publish.local.LocalArchive;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.PackageObject;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.validate.DocumentValidator;
import org.headwater.publish.validate.SchemaCache;
import org.headwater.publish.validate.SchemaFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's non-Zarr outputs, its recipe, EML and a resource map with provenance to a
 * DataONE Member Node, a local archive ({@code local:DIR}) or a dry-run folder.
 *
 * <pre>{@code
 * PublishResult r = Publisher.publish(PublishRequest.builder(runDir, "https://test.arcticdata.io/metacat/d1/mn")
 *     .token(AuthToken.resolve(tokenFile, System.getenv())).doi(true).progress(System.out::println).build());
 * System.out.println(r.citationText());
 * }</pre>
 *
 * <p>Every document is validated before upload; objects go up in commit order, each verified by
 * checksum; a journal in {@code RUN_DIR/publish/} makes a re-run resume instead of duplicating.
 * A publish writes {@code CITATION.cff} into the run directory (the dry-run folder for dry runs).
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private Publisher() {}

  /** Publishes to the node the request names. */
  public static PublishResult publish(PublishRequest req) {
    requireSucceeded(req.runDir());
    DocumentValidator validator = validator(req);
    try (MemberNode node = open(req)) {
      return publish(req, node, validator);
    }
  }

  /** Publishes to an already opened node (tests, or callers that tune the client). */
  public static PublishResult publish(PublishRequest req, MemberNode node, DocumentValidator validator) {
    RunRecord run = requireSucceeded(req.runDir());
    String runSha = sha256(req.runDir().resolve(RunRecords.FILE_NAME));
    if (req.token() != null) {
      req.token().requireUnexpired(Instant.now());
    }
    Path stage = req.dryRunDir() != null ? req.dryRunDir().toAbsolutePath() : stageDir(req.runDir(), node.label());
    LOG.info("Publishing run {} to {}", run.runId(), node.label());
    node.ping();
    NodeInfo info = node.node();
    PublishJournal journal = PublishJournal.load(stage);
    if (journal != null && journal.complete() && journal.runSha256().equals(runSha)
        && java.util.Objects.equals(journal.updateOf(), req.updatePid())) {
      LOG.info("Run {} is already published as {}", run.runId(), journal.metadataPid());
      return result(journal, info, node, stage, req, true);
    }
    if (journal != null && !journal.complete()) {
      if (!journal.runSha256().equals(runSha) || !java.util.Objects.equals(journal.updateOf(), req.updatePid())) {
        throw new PublishException("an interrupted publish of " + journal.metadataPid() + " with a different run"
            + " state or --update is pending in " + stage + "; re-run the same command to finish it, or delete"
            + " that folder to abandon it (objects already uploaded stay on the node)");
      }
      LOG.info("Resuming the publish of {} from {}", journal.metadataPid(), stage);
    } else {
      if (journal != null) {
        archiveJournal(stage, journal);
      }
      PreviousVersion previous = null;
      if (req.updatePid() != null) {
        previous = PreviousVersion.load(node, req.updatePid());
        node.isAuthorized(previous.metadata(), "write");
      }
      journal = PackagePlanner.plan(run, runSha, req, node, info, validator, previous, stage).save(stage);
    }
    String subject = req.token() == null ? null : req.token().subject();
    String holder = rightsHolder(req, run, subject);
    journal = new Uploader(node, validator, subject != null ? subject : holder, holder, req.access(), stage,
        req.progress()).upload(journal);
    LOG.info("Published run {} as {} (resource map {})", run.runId(), journal.metadataPid(), journal.resourceMapPid());
    return result(journal, info, node, stage, req, false);
  }

  /** Opens the node a request names: a URL client, a local archive, or the dry-run archive. */
  public static MemberNode open(PublishRequest req) {
    if (req.dryRunDir() != null) {
      if (req.updatePid() != null && !req.isLocal()) {
        throw new IllegalArgumentException("--dry-run cannot read the version to --update without contacting the"
            + " node; publish the update to a local: archive or without --dry-run");
      }
      Path dir = req.dryRunDir().toAbsolutePath();
      return new LocalArchive(dir.resolve("archive"), false,
          new NodeInfo("urn:node:DRY_RUN", "Dry run (not published)", dir.toUri().toString()));
    }
    if (req.isLocal()) {
      return LocalArchive.open(Path.of(req.node().substring("local:".length())));
    }
    if (req.token() == null) {
      throw new DataOneException.InvalidToken(401, "", null,
          "publishing to " + req.node() + " needs an authentication token and none was given");
    }
    req.token().requireUnexpired(Instant.now());
    return MemberNodeClient.builder(req.node()).token(req.token()).insecure(req.insecure()).build();
  }

  /**
   * The validator for a request: against the XSDs when a schema folder is found; for a remote
   * node or a dry run the user cache is filled on first use. Without schemas, a local archive and
   * {@code --skip-xsd} go on with the structural checks only, saying so in a notice; otherwise
   * publishing stops here, before anything is uploaded.
   */
  static DocumentValidator validator(PublishRequest req) {
    java.util.Optional<Path> found = SchemaCache.find(req.schemasDir(), req.env());
    if (found.isPresent()) {
      return new DocumentValidator(found.get());
    }
    if (req.skipXsd()) {
      req.notices().accept("XSD validation skipped (--skip-xsd): only Headwater's structural checks"
          + " ran on the documents");
      return DocumentValidator.withoutXsd();
    }
    if (req.isLocal() && req.dryRunDir() == null) {
      req.notices().accept("XSD validation skipped: no XML schemas found; run '"
          + SchemaCache.FETCH_COMMAND + "' (or pass --schemas DIR) to turn it on");
      return DocumentValidator.withoutXsd();
    }
    Path cache = SchemaCache.userCache(req.env());
    req.notices().accept("fetching the DataONE and EML XML schemas into " + cache + " (first use)");
    try {
      SchemaFetcher.fromEnv(req.env()).fetch(cache, line -> {});
    } catch (PublishException.SchemasNotFound e) {
      throw new PublishException.SchemasNotFound("nothing was published to " + req.node()
          + ": documents are validated against the XML schemas before upload, and " + e.getMessage()
          + " (or publish with --skip-xsd, structural checks only)");
    }
    return new DocumentValidator(cache);
  }

  /**
   * The run record of a run directory that is complete and succeeded; otherwise a one-line error
   * that says which state it is in and what to do (see {@link RunState}).
   */
  static RunRecord requireSucceeded(Path runDir) {
    RunState state = RunState.of(runDir);
    String only = "; only a succeeded run can be published: ";
    String rerun = "re-run the recipe ('headwater run RECIPE') and publish that run directory";
    return switch (state.kind()) {
      case SUCCEEDED -> state.record();
      case FAILED -> throw new PublishException("run " + state.record().runId() + " in " + runDir
          + " has status 'failed' in run.json, not 'succeeded'" + only + rerun);
      case RUNNING -> throw new PublishException("run " + state.record().runId() + " in " + runDir
          + " is still running (run.json says 'running' and its process is alive)" + only
          + "wait for it to finish, then publish it");
      case INCOMPLETE -> throw new PublishException("run directory " + runDir + " is incomplete: "
          + (state.record() == null ? runDir.resolve(RunRecords.FILE_NAME) + " is missing, so its"
              + " process ended before the run was recorded (killed or crashed)" : state.reason())
          + only + rerun);
    };
  }

  /** Opens a node for reading ({@code headwater cite}); the token may be null. */
  public static MemberNode openForReading(String node, AuthToken token, boolean insecure) {
    if (node.startsWith("local:")) {
      return LocalArchive.open(Path.of(node.substring("local:".length())));
    }
    return MemberNodeClient.builder(node).token(token).insecure(insecure).build();
  }

  private static String rightsHolder(PublishRequest req, RunRecord run, String subject) {
    if (req.rightsHolder() != null) {
      return req.rightsHolder();
    }
    if (subject != null) {
      return subject;
    }
    return run.recipe().creators().stream().map(c -> c.orcid()).filter(java.util.Objects::nonNull)
        .findFirst().orElse("public");
  }

  private static PublishResult result(PublishJournal j, NodeInfo info, MemberNode node, Path stage,
      PublishRequest req, boolean already) {
    List<PackageObject> objects = new ArrayList<>();
    for (PublishJournal.Entry e : j.entries()) {
      Pid pid = Pid.of(e.pid());
      objects.add(new PackageObject(PackageObject.Role.valueOf(e.role()), pid, Path.of(e.file()), e.fileName(),
          e.formatId(), e.mediaType(), e.size(), Checksum.sha256(e.sha256()), null, node.resolveUrl(pid)));
    }
    Pid meta = Pid.of(j.metadataPid());
    Citation citation = Citations.fromEml(read(stage.resolve(PackagePlanner.EML_FILE)), meta, info.name(),
        node.resolveUrl(meta));
    Path cff = (req.dryRunDir() != null ? stage : req.runDir()).resolve("CITATION.cff");
    PackagePlanner.write(cff, CitationCff.write(citation).getBytes(StandardCharsets.UTF_8));
    return new PublishResult(node.label(), meta, Pid.of(j.resourceMapPid()), objects, citation, cff, already);
  }

  /** {@code RUN_DIR/publish/<host>-<hash of the node>}: one journal per destination. */
  static Path stageDir(Path runDir, String label) {
    String hash = sha256Hex(label.getBytes(StandardCharsets.UTF_8)).substring(0, 10);
    String name = label.replaceFirst("^[a-z]+:(//)?", "").replaceAll("[^A-Za-z0-9.-]+", "_");
    name = name.length() > 40 ? name.substring(0, 40) : name;
    return runDir.toAbsolutePath().resolve("publish").resolve(name + "-" + hash);
  }

  private static void archiveJournal(Path stage, PublishJournal done) {
    try {
      Files.move(stage.resolve(PublishJournal.FILE_NAME),
          stage.resolve("journal-" + done.metadataPid().replaceAll("[^A-Za-z0-9.-]+", "_") + ".json"));
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot keep the previous journal in " + stage, e);
    }
  }

  private static String sha256(Path f) {
    return sha256Hex(read(f));
  }

  private static String sha256Hex(byte[] bytes) {
    return Checksum.sha256Of(bytes).value();
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

}
