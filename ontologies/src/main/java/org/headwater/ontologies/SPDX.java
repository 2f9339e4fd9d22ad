package org.headwater.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The SPDX 2.x RDF checksum terms Headwater uses for file identity: {@code <file> spdx:checksum [
 * a spdx:Checksum; spdx:algorithm spdx:checksumAlgorithm_sha256; spdx:checksumValue "hex" ]}.
 */
public final class SPDX {
  /** {@value}. */
  public static final String NS = "http://spdx.org/rdf/terms#";

  /** Base IRI of SPDX license ids, e.g. {@code https://spdx.org/licenses/CC-BY-4.0}. */
  public static final String LICENSES = "https://spdx.org/licenses/";

  public static final Resource Checksum = resource("Checksum");
  public static final Resource checksumAlgorithm_sha256 = resource("checksumAlgorithm_sha256");
  public static final Property checksum = property("checksum");
  public static final Property algorithm = property("algorithm");
  public static final Property checksumValue = property("checksumValue");

  private SPDX() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
