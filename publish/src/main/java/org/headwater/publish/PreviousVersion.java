package org.headwater.publish;

import org.headwater.provenance.Plural;
import java.util.ArrayList;
import java.util.List;
import org.headwater.publish.dataone.DataOneException;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.ore.ResourceMapReader;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;

/**
 * The published version that {@code --update PID} supersedes: its resource map, metadata and data
 * members, read back from the node.
 */
record PreviousVersion(Pid resourceMap, Pid metadata, List<SystemMetadata> members) {
  private static final long MAX_MAP = 32L << 20;

  /** Loads the package from its metadata PID/DOI or its resource map PID. */
  static PreviousVersion load(MemberNode node, String pidText) {
    Pid pid = Pid.parseUserInput(pidText);
    SystemMetadata sm = node.getSystemMetadata(pid);
    Pid rm;
    if (FormatIds.ORE.equals(sm.formatId())) {
      rm = pid;
    } else {
      rm = Pid.of("resource_map_" + pid.value());
      if (!node.exists(rm)) {
        throw new PublishException("cannot find the resource map of " + pid + " (looked for " + rm
            + "); pass the package's resource map PID to --update");
      }
    }
    SystemMetadata rmMeta = node.getSystemMetadata(rm);
    if (rmMeta.obsoletedBy() != null) {
      throw new PublishException(rm + " already has a newer version, " + rmMeta.obsoletedBy()
          + "; pass the newest version to --update");
    }
    var contents = ResourceMapReader.read(node.get(rm, MAX_MAP), "resource map " + rm);
    if (contents.metadata().size() != 1) {
      throw new PublishException("resource map " + rm + " documents "
          + Plural.count(contents.metadata().size(), "metadata object") + "; Headwater updates packages with exactly one");
    }
    Pid meta = Pid.of(contents.metadata().iterator().next());
    List<SystemMetadata> members = new ArrayList<>();
    for (String member : contents.aggregated()) {
      if (!member.equals(meta.value())) {
        members.add(withSha256(node, node.getSystemMetadata(Pid.of(member))));
      }
    }
    return new PreviousVersion(rm, meta, members);
  }

  /** The member with the same bytes, or null. */
  SystemMetadata sameContent(Checksum sha256) {
    return members.stream().filter(m -> m.checksum().matches(sha256)).findFirst().orElse(null);
  }

  /** The member with the same file name, or null. */
  SystemMetadata sameName(String fileName) {
    return members.stream().filter(m -> fileName.equals(m.fileName())).findFirst().orElse(null);
  }

  /** Objects uploaded by other tools may carry MD5; ask the node for SHA-256 then. */
  private static SystemMetadata withSha256(MemberNode node, SystemMetadata sm) {
    if (sm.checksum().matches(Checksum.sha256(sm.checksum().value())) ) {
      return sm;
    }
    try {
      Checksum sha = node.getChecksum(sm.identifier(), Checksum.SHA_256);
      return new SystemMetadata(sm.serialVersion(), sm.identifier(), sm.formatId(), sm.size(), sha,
          sm.submitter(), sm.rightsHolder(), sm.accessPolicy(), sm.obsoletes(), sm.obsoletedBy(),
          sm.archived(), sm.dateUploaded(), sm.dateSysMetadataModified(), sm.authoritativeMemberNode(),
          sm.seriesId(), sm.mediaType(), sm.fileName());
    } catch (DataOneException e) {
      return sm; // compared by name only then
    }
  }
}
