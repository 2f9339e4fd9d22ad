package org.headwater.publish.ore;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** ProvONE classes, in the namespace DataONE's software uses. */
public final class PROVONE {
  public static final String NS = "http://purl.dataone.org/provone/2015/01/15/ontology#";
  public static final Resource Execution = ResourceFactory.createResource(NS + "Execution");
  public static final Resource Program = ResourceFactory.createResource(NS + "Program");
  public static final Resource Data = ResourceFactory.createResource(NS + "Data");

  private PROVONE() {}
}
