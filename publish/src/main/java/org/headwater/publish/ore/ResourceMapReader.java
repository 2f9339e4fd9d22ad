package org.headwater.publish.ore;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.headwater.publish.PublishException;
import org.headwater.publish.sysmeta.Pid;

/** Parses a resource map back and checks it names what it should. */
public final class ResourceMapReader {
  private ResourceMapReader() {}

  /**
   * What a resource map says.
   *
   * @param pid the resource map's own identifier
   * @param aggregated identifiers of every aggregated object
   * @param metadata identifiers of the objects that {@code cito:documents} others
   */
  public record Contents(Pid pid, Set<String> aggregated, Set<String> metadata) {}

  /** Parses RDF/XML; throws {@link PublishException.InvalidDocument} when it is not a map. */
  public static Contents read(byte[] rdfXml, String what) {
    Model m = ModelFactory.createDefaultModel();
    try {
      RDFDataMgr.read(m, new ByteArrayInputStream(rdfXml), Lang.RDFXML);
    } catch (RiotException e) {
      throw new PublishException.InvalidDocument(what, "not RDF/XML: " + e.getMessage(), e);
    }
    List<Resource> maps = m.listSubjectsWithProperty(RDF.type, ORE.ResourceMap).toList();
    if (maps.size() != 1) {
      throw new PublishException.InvalidDocument(what, "expected one ore:ResourceMap, found " + maps.size(), null);
    }
    Resource rm = maps.get(0);
    Resource agg = rm.getPropertyResourceValue(ORE.describes);
    if (agg == null) {
      throw new PublishException.InvalidDocument(what, "the resource map describes no aggregation", null);
    }
    Set<String> aggregated = new TreeSet<>();
    for (Statement s : agg.listProperties(ORE.aggregates).toList()) {
      aggregated.add(identifier(s.getObject(), what));
    }
    Set<String> metadata = new TreeSet<>();
    for (Resource r : m.listSubjectsWithProperty(CITO.documents).toList()) {
      metadata.add(identifier(r, what));
    }
    return new Contents(Pid.of(identifier(rm, what)), aggregated, metadata);
  }

  /** Parses and requires every expected PID to be aggregated. */
  public static Contents requireMembers(byte[] rdfXml, Set<String> expected, String what) {
    Contents c = read(rdfXml, what);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(c.aggregated());
    if (!missing.isEmpty()) {
      throw new PublishException.InvalidDocument(what, "aggregates no " + missing, null);
    }
    return c;
  }

  private static String identifier(RDFNode n, String what) {
    Statement id = n.isResource() ? n.asResource().getProperty(DCTerms.identifier) : null;
    if (id == null) {
      throw new PublishException.InvalidDocument(what, "node " + n + " has no dcterms:identifier", null);
    }
    return id.getString();
  }
}
