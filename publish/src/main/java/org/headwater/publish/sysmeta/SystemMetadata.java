package org.headwater.publish.sysmeta;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * DataONE SystemMetadata v2 (namespace {@value SystemMetadataXml#NS_V2}): what a node needs to
 * store an object. Fields the node fills in ({@code serialVersion}, {@code dateUploaded}, ...) are
 * null on upload. {@link SystemMetadataXml} writes it in schema order.
 *
 * @param serialVersion node-managed version counter, or null
 * @param identifier the object's PID
 * @param formatId a registered DataONE formatId, see {@link FormatIds}
 * @param size size in bytes
 * @param checksum the object's checksum (Headwater sends SHA-256)
 * @param submitter who submits it (the token's subject), or null
 * @param rightsHolder who owns it
 * @param accessPolicy the {@code allow} rules; empty means owner-only
 * @param obsoletes the previous version's PID, or null
 * @param obsoletedBy the next version's PID, or null (set by the node)
 * @param archived whether it is archived, or null
 * @param dateUploaded set by the node, or null
 * @param dateSysMetadataModified set by the node, or null
 * @param authoritativeMemberNode the node id, e.g. {@code urn:node:ARCTIC}, or null
 * @param seriesId a series id, or null
 * @param mediaType the IANA media type, e.g. {@code text/csv}, or null
 * @param fileName the file name users get on download, or null
 */
public record SystemMetadata(
    Long serialVersion,
    Pid identifier,
    String formatId,
    long size,
    Checksum checksum,
    String submitter,
    String rightsHolder,
    List<AccessRule> accessPolicy,
    Pid obsoletes,
    Pid obsoletedBy,
    Boolean archived,
    Instant dateUploaded,
    Instant dateSysMetadataModified,
    String authoritativeMemberNode,
    Pid seriesId,
    String mediaType,
    String fileName) {

  public SystemMetadata {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(formatId, "formatId");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(rightsHolder, "rightsHolder");
    if (size < 0) {
      throw new IllegalArgumentException("size < 0: " + size);
    }
    accessPolicy = List.copyOf(accessPolicy == null ? List.of() : accessPolicy);
  }

  /** System metadata for a new upload; node-managed fields are left null. */
  public static SystemMetadata forUpload(
      Pid pid,
      String formatId,
      long size,
      Checksum checksum,
      String submitter,
      String rightsHolder,
      List<AccessRule> access,
      String mediaType,
      String fileName) {
    return new SystemMetadata(
        null, pid, formatId, size, checksum, submitter, rightsHolder, access, null, null, null,
        null, null, null, null, mediaType, fileName);
  }

  /** A copy that obsoletes {@code previous} (for {@code update}). */
  public SystemMetadata withObsoletes(Pid previous) {
    return new SystemMetadata(
        serialVersion, identifier, formatId, size, checksum, submitter, rightsHolder,
        accessPolicy, previous, obsoletedBy, archived, dateUploaded, dateSysMetadataModified,
        authoritativeMemberNode, seriesId, mediaType, fileName);
  }

  /** A copy as the node stores it after {@code next} replaced it. */
  public SystemMetadata withObsoletedBy(Pid next, Instant modified) {
    return new SystemMetadata(
        serialVersion == null ? 2L : serialVersion + 1, identifier, formatId, size, checksum,
        submitter, rightsHolder, accessPolicy, obsoletes, next, archived, dateUploaded, modified,
        authoritativeMemberNode, seriesId, mediaType, fileName);
  }

  /** A copy as a node stores it on create. */
  public SystemMetadata asStored(Instant now, String nodeId) {
    return new SystemMetadata(
        1L, identifier, formatId, size, checksum, submitter, rightsHolder, accessPolicy,
        obsoletes, obsoletedBy, archived == null ? Boolean.FALSE : archived, now, now, nodeId,
        seriesId, mediaType, fileName);
  }

  /** A copy marked archived. */
  public SystemMetadata asArchived(Instant now) {
    return new SystemMetadata(
        serialVersion == null ? 2L : serialVersion + 1, identifier, formatId, size, checksum,
        submitter, rightsHolder, accessPolicy, obsoletes, obsoletedBy, Boolean.TRUE, dateUploaded,
        now, authoritativeMemberNode, seriesId, mediaType, fileName);
  }
}
