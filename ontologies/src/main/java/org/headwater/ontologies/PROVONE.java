package org.headwater.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * ProvONE terms in the namespace DataONE's software uses ({@value #NS}). Headwater types a run as
 * {@link #Execution}, the recipe as {@link #Program} and every file as {@link #Data}, so DataONE's
 * provenance views recognise them.
 */
public final class PROVONE {
  /** {@value}. */
  public static final String NS = "http://purl.dataone.org/provone/2015/01/15/ontology#";

  public static final Resource Execution = resource("Execution");
  public static final Resource Program = resource("Program");
  public static final Resource Data = resource("Data");
  public static final Resource User = resource("User");
  public static final Resource Visualization = resource("Visualization");

  /** An execution that was part of another (a step within a run). */
  public static final Property wasPartOf = property("wasPartOf");

  public static final Property hasSubProgram = property("hasSubProgram");

  private PROVONE() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
