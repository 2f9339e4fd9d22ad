package org.headwater.publish.ore;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C PROV-O terms DataONE's provenance viewer reads. */
public final class PROV {
  public static final String NS = "http://www.w3.org/ns/prov#";
  public static final Resource Association = ResourceFactory.createResource(NS + "Association");
  public static final Resource Person = ResourceFactory.createResource(NS + "Person");
  public static final Property wasDerivedFrom = ResourceFactory.createProperty(NS, "wasDerivedFrom");
  public static final Property wasGeneratedBy = ResourceFactory.createProperty(NS, "wasGeneratedBy");
  public static final Property used = ResourceFactory.createProperty(NS, "used");
  public static final Property qualifiedAssociation = ResourceFactory.createProperty(NS, "qualifiedAssociation");
  public static final Property hadPlan = ResourceFactory.createProperty(NS, "hadPlan");
  public static final Property agent = ResourceFactory.createProperty(NS, "agent");
  public static final Property wasAssociatedWith = ResourceFactory.createProperty(NS, "wasAssociatedWith");
  public static final Property wasRevisionOf = ResourceFactory.createProperty(NS, "wasRevisionOf");
  public static final Property startedAtTime = ResourceFactory.createProperty(NS, "startedAtTime");
  public static final Property endedAtTime = ResourceFactory.createProperty(NS, "endedAtTime");

  private PROV() {}
}
