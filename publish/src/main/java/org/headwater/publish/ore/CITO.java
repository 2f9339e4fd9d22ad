package org.headwater.publish.ore;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The CiTO terms that link metadata and data in a DataONE package. */
public final class CITO {
  public static final String NS = "http://purl.org/spar/cito/";
  public static final Property documents = ResourceFactory.createProperty(NS, "documents");
  public static final Property isDocumentedBy = ResourceFactory.createProperty(NS, "isDocumentedBy");

  private CITO() {}
}
