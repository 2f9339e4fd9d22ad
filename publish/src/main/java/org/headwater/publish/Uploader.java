package org.headwater.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.headwater.publish.dataone.DataOneException;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.journal.PublishJournal;
import org.headwater.publish.sysmeta.AccessRule;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;
import org.headwater.publish.validate.DocumentValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a planned package in commit order (data and recipe, then metadata, then the resource
 * map), verifying each object's checksum on the node before the next and recording it in the
 * journal. An object the node already holds with the same checksum (a retried request that had
 * landed, or an earlier interrupted run) counts as uploaded; one with other bytes is an error.
 */
final class Uploader {
  private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

  private final MemberNode node;
  private final DocumentValidator validator;
  private final String submitter;
  private final String rightsHolder;
  private final List<AccessRule> access;
  private final Path stage;
  private final Consumer<String> progress;

  Uploader(MemberNode node, DocumentValidator validator, String submitter, String rightsHolder,
      List<AccessRule> access, Path stage, Consumer<String> progress) {
    this.node = node;
    this.validator = validator;
    this.submitter = submitter;
    this.rightsHolder = rightsHolder;
    this.access = access;
    this.stage = stage;
    this.progress = progress;
  }

  /** Validates every system metadata document, then uploads what is not yet verified. */
  PublishJournal upload(PublishJournal journal) {
    for (PublishJournal.Entry e : journal.entries()) {
      validator.validateSystemMetadata(SystemMetadataXml.write(sysmeta(e)), "system metadata of " + e.pid());
    }
    PublishJournal j = journal;
    for (int i = 0; i < j.entries().size(); i++) {
      PublishJournal.Entry e = j.entries().get(i);
      String outcome;
      if (!e.verified()) {
        outcome = ensure(e);
        j = j.withVerified(i).save(stage);
      } else {
        outcome = "reuse".equals(e.action()) ? "unchanged, reused" : "already uploaded by an earlier attempt";
      }
      progress.accept(e.pid() + "  " + e.fileName() + "  (" + outcome + ")");
    }
    return j.asComplete().save(stage);
  }

  SystemMetadata sysmeta(PublishJournal.Entry e) {
    SystemMetadata sm = SystemMetadata.forUpload(Pid.of(e.pid()), e.formatId(), e.size(),
        Checksum.sha256(e.sha256()), submitter, rightsHolder, access, e.mediaType(), e.fileName());
    return "update".equals(e.action()) ? sm.withObsoletes(Pid.of(e.obsoletes())) : sm;
  }

  /** Makes the object be on the node; says what it took. */
  private String ensure(PublishJournal.Entry e) {
    Pid pid = Pid.of(e.pid());
    Checksum expected = Checksum.sha256(e.sha256());
    Checksum existing = existing(pid);
    if ("reuse".equals(e.action())) {
      if (existing == null) {
        throw new PublishException("the previous version's object " + pid + " (" + e.fileName()
            + ") is no longer on " + node.label() + "; publish without --update");
      }
      requireSame(pid, existing, expected);
      return "unchanged, reused";
    }
    if (existing == null) {
      String done = "update".equals(e.action()) ? "uploaded, replaces " + e.obsoletes() : "uploaded";
      try {
        if ("update".equals(e.action())) {
          node.update(Pid.of(e.obsoletes()), pid, sysmeta(e), Path.of(e.file()));
        } else {
          node.create(pid, sysmeta(e), Path.of(e.file()));
        }
      } catch (DataOneException.IdentifierNotUnique | DataOneException.InvalidRequest
          | DataOneException.ServiceFailure | PublishException.TransportFailure ex) {
        // A retried request may have been stored before its answer was lost.
        Checksum landed = existing(pid);
        if (landed == null || !landed.matches(expected)) {
          throw ex;
        }
        LOG.info("{} was stored by an earlier attempt", pid);
      }
      requireSame(pid, node.getChecksum(pid, Checksum.SHA_256), expected);
      return done;
    }
    LOG.info("{} is already on {}; checking its checksum", pid, node.label());
    requireSame(pid, existing, expected);
    return "already on the node, same checksum";
  }

  private void requireSame(Pid pid, Checksum onNode, Checksum expected) {
    if (!onNode.matches(expected)) {
      throw new DataOneException.IdentifierNotUnique(409, "", pid.value(),
          "the node holds other bytes under this PID (checksum " + onNode + ", expected " + expected
              + "); delete " + stage.resolve(PublishJournal.FILE_NAME) + " to publish under new PIDs");
    }
  }

  /** The node's SHA-256 of the object, or null when it does not exist. */
  private Checksum existing(Pid pid) {
    try {
      node.describe(pid);
      return node.getChecksum(pid, Checksum.SHA_256);
    } catch (DataOneException.NotFound e) {
      return null;
    }
  }
}
