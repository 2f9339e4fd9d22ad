package org.headwater.publish.eml;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.headwater.provenance.record.RunRecord;
import org.headwater.publish.sysmeta.PackageObject;
import org.headwater.publish.sysmeta.Pid;

/**
 * Everything an EML 2.2.0 document for a run is made from. {@link EmlWriter#write} turns it into
 * XML.
 *
 * @param run the run record (recipe metadata, steps, inputs, outputs with variables and coverage)
 * @param packageId the metadata object's PID (a DOI when one was minted)
 * @param system the {@code system} attribute: the node id, e.g. {@code urn:node:ARCTIC}
 * @param entities the data objects and the recipe, in package order
 * @param publisher the archive's name, e.g. {@code Arctic Data Center}
 * @param pubDate the publication date
 */
public record Eml(
    RunRecord run,
    Pid packageId,
    String system,
    List<PackageObject> entities,
    String publisher,
    LocalDate pubDate) {

  public static final String NS = "https://eml.ecoinformatics.org/eml-2.2.0";

  public Eml {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(packageId, "packageId");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(pubDate, "pubDate");
    entities = List.copyOf(entities);
  }
}
