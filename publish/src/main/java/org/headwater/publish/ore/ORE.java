package org.headwater.publish.ore;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The OAI-ORE terms DataONE resource maps use. */
public final class ORE {
  public static final String NS = "http://www.openarchives.org/ore/terms/";
  public static final Resource ResourceMap = ResourceFactory.createResource(NS + "ResourceMap");
  public static final Resource Aggregation = ResourceFactory.createResource(NS + "Aggregation");
  public static final Property describes = ResourceFactory.createProperty(NS, "describes");
  public static final Property isDescribedBy = ResourceFactory.createProperty(NS, "isDescribedBy");
  public static final Property aggregates = ResourceFactory.createProperty(NS, "aggregates");
  public static final Property isAggregatedBy = ResourceFactory.createProperty(NS, "isAggregatedBy");

  private ORE() {}
}
