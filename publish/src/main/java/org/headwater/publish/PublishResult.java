package org.headwater.publish;

import java.nio.file.Path;
import java.util.List;
import org.headwater.publish.cite.Citation;
import org.headwater.publish.cite.Citations;
import org.headwater.publish.sysmeta.PackageObject;
import org.headwater.publish.sysmeta.Pid;

/**
 * What a publish made.
 *
 * @param node where it went (node URL, {@code local:DIR} or {@code dry-run:DIR})
 * @param metadataPid the EML object's PID (the DOI when one was minted)
 * @param resourceMapPid the resource map's PID
 * @param objects every object of the package, in upload order
 * @param citation the package's citation
 * @param citationFile the {@code CITATION.cff} written
 * @param alreadyPublished true when an earlier run had already published exactly this
 */
public record PublishResult(
    String node,
    Pid metadataPid,
    Pid resourceMapPid,
    List<PackageObject> objects,
    Citation citation,
    Path citationFile,
    boolean alreadyPublished) {

  public PublishResult {
    objects = List.copyOf(objects);
  }

  /** The DOI (without {@code doi:}), or null when the metadata PID is not a DOI. */
  public String doi() {
    return metadataPid.doi();
  }

  /** Every PID, in upload order. */
  public List<Pid> pids() {
    return objects.stream().map(PackageObject::pid).toList();
  }

  /** The citation as text. */
  public String citationText() {
    return Citations.text(citation);
  }
}
