package org.headwater.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * W3C PROV-O terms (<a href="https://www.w3.org/TR/prov-o/">PROV-O</a>), starting point and
 * qualified terms. Jena 5 ships no PROV class, so Headwater keeps its own, named the Jena way.
 */
public final class PROV {
  /** {@value}. */
  public static final String NS = "http://www.w3.org/ns/prov#";

  // Classes
  public static final Resource Entity = resource("Entity");
  public static final Resource Activity = resource("Activity");
  public static final Resource Agent = resource("Agent");
  public static final Resource SoftwareAgent = resource("SoftwareAgent");
  public static final Resource Person = resource("Person");
  public static final Resource Organization = resource("Organization");
  public static final Resource Plan = resource("Plan");
  public static final Resource Role = resource("Role");
  public static final Resource Usage = resource("Usage");
  public static final Resource Generation = resource("Generation");
  public static final Resource Derivation = resource("Derivation");
  public static final Resource Association = resource("Association");
  public static final Resource Collection = resource("Collection");

  // Starting-point properties
  public static final Property wasGeneratedBy = property("wasGeneratedBy");
  public static final Property wasDerivedFrom = property("wasDerivedFrom");
  public static final Property wasAttributedTo = property("wasAttributedTo");
  public static final Property startedAtTime = property("startedAtTime");
  public static final Property endedAtTime = property("endedAtTime");
  public static final Property used = property("used");
  public static final Property wasInformedBy = property("wasInformedBy");
  public static final Property wasAssociatedWith = property("wasAssociatedWith");
  public static final Property actedOnBehalfOf = property("actedOnBehalfOf");
  public static final Property generatedAtTime = property("generatedAtTime");
  public static final Property wasInfluencedBy = property("wasInfluencedBy");

  // Expanded and qualified terms
  public static final Property hadPrimarySource = property("hadPrimarySource");
  public static final Property wasRevisionOf = property("wasRevisionOf");
  public static final Property wasQuotedFrom = property("wasQuotedFrom");
  public static final Property specializationOf = property("specializationOf");
  public static final Property hadMember = property("hadMember");
  public static final Property atLocation = property("atLocation");
  public static final Property value = property("value");
  public static final Property qualifiedUsage = property("qualifiedUsage");
  public static final Property qualifiedGeneration = property("qualifiedGeneration");
  public static final Property qualifiedDerivation = property("qualifiedDerivation");
  public static final Property qualifiedAssociation = property("qualifiedAssociation");
  public static final Property entity = property("entity");
  public static final Property activity = property("activity");
  public static final Property agent = property("agent");
  public static final Property hadPlan = property("hadPlan");
  public static final Property hadRole = property("hadRole");
  public static final Property hadActivity = property("hadActivity");
  public static final Property hadUsage = property("hadUsage");
  public static final Property hadGeneration = property("hadGeneration");
  public static final Property atTime = property("atTime");

  private PROV() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
