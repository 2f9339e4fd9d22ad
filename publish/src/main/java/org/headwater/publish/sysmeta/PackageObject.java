package org.headwater.publish.sysmeta;

import java.nio.file.Path;
import java.util.Objects;
import org.headwater.provenance.record.OutputRecord;

/**
 * One object of a data package as it will be (or was) uploaded.
 *
 * @param role what the object is in the package
 * @param pid its PID
 * @param file where its bytes are on disk
 * @param fileName the file name users see
 * @param formatId its DataONE formatId
 * @param mediaType its IANA media type
 * @param size size in bytes
 * @param checksum SHA-256 of the bytes
 * @param output the run output it is, for {@link Role#DATA}; else null
 * @param resolveUrl where it resolves once published
 */
public record PackageObject(
    Role role,
    Pid pid,
    Path file,
    String fileName,
    String formatId,
    String mediaType,
    long size,
    Checksum checksum,
    OutputRecord output,
    String resolveUrl) {

  /** The part an object plays in a package; also the upload order. */
  public enum Role {
    DATA,
    RECIPE,
    METADATA,
    RESOURCE_MAP
  }

  public PackageObject {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(formatId, "formatId");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** A copy under another PID and resolve URL (the same bytes). */
  public PackageObject withPid(Pid newPid, String newResolveUrl) {
    return new PackageObject(
        role, newPid, file, fileName, formatId, mediaType, size, checksum, output, newResolveUrl);
  }
}
