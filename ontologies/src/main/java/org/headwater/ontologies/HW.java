package org.headwater.ontologies;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The Headwater vocabulary ({@code headwater.ttl}): only what PROV-O, ProvONE, DCTERMS, DCAT and
 * SPDX do not cover. Field names are the RDF local names.
 */
public final class HW {
  /** The vocabulary namespace, {@value}. */
  public static final String NS = "https://w3id.org/headwater/ns#";

  /**
   * Base of Headwater's instance IRIs, {@value}: {@code sha256/<hex>} for files and recipes
   * identified by content, {@code run/<runId>} for runs.
   */
  public static final String ID = "https://w3id.org/headwater/id/";

  /** Classpath location of the vocabulary in Turtle. */
  public static final String TURTLE_RESOURCE = "/org/headwater/ontologies/headwater.ttl";

  // Classes
  public static final Resource Source = resource("Source");
  public static final Resource Output = resource("Output");
  public static final Resource Variable = resource("Variable");
  public static final Resource Step = resource("Step");
  public static final Resource Parameter = resource("Parameter");
  public static final Resource SkippedSource = resource("SkippedSource");

  // Roles (instances of prov:Role)
  public static final Resource source = resource("source");
  public static final Resource output = resource("output");
  public static final Resource software = resource("software");
  public static final Resource creator = resource("creator");

  // Files
  public static final Property path = property("path");
  public static final Property etag = property("etag");
  public static final Property lastModified = property("lastModified");
  public static final Property fromCache = property("fromCache");
  public static final Property key = property("key");
  public static final Property url = property("url");
  public static final Property skipReason = property("skipReason");

  // Runs and the software agent
  public static final Property status = property("status");
  public static final Property error = property("error");
  public static final Property runner = property("runner");
  public static final Property headwaterVersion = property("headwaterVersion");
  public static final Property javaVersion = property("javaVersion");
  public static final Property beamVersion = property("beamVersion");
  public static final Property netcdfJavaVersion = property("netcdfJavaVersion");
  public static final Property skipped = property("skipped");

  // Steps
  public static final Property stepNumber = property("stepNumber");
  public static final Property stepName = property("stepName");
  public static final Property parameter = property("parameter");
  public static final Property argv = property("argv");
  public static final Property exitCode = property("exitCode");
  public static final Property toolVersion = property("toolVersion");
  public static final Property detail = property("detail");

  // Variables
  public static final Property variableName = property("variableName");
  public static final Property dataType = property("dataType");
  public static final Property dimensions = property("dimensions");
  public static final Property units = property("units");
  public static final Property missingValue = property("missingValue");

  private HW() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS, local);
  }
}
