package org.headwater.publish;

import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.provenance.store.LineageStore;
import org.headwater.publish.sysmeta.PackageObject;

/**
 * Records a publication in the lineage store, so that {@code headwater lineage PID|DOI} finds what
 * was published: each uploaded file's content entity is {@code owl:sameAs} the PID's resolve URL
 * (which carries the PID as {@code dcterms:identifier}), and the package DOI is a PROV entity
 * derived from its data objects. Stored as its own named graph per package.
 */
public final class PublicationLineage {
  private static final String PROV = "http://www.w3.org/ns/prov#";

  private PublicationLineage() {}

  /** The graph for a publish result. */
  public static Model graph(PublishResult result) {
    Model m = ModelFactory.createDefaultModel();
    Resource pkg = null;
    if (result.doi() != null) {
      pkg = m.createResource(ProvIris.doi(result.doi()).orElseThrow());
      pkg.addProperty(RDF.type, m.createResource(PROV + "Entity"))
          .addProperty(DCTerms.identifier, result.metadataPid().value());
    }
    for (PackageObject o : result.objects()) {
      if (o.role() != PackageObject.Role.DATA && o.role() != PackageObject.Role.RECIPE) {
        continue;
      }
      Resource content =
          m.createResource(ProvIris.file(o.checksum().value().toLowerCase(Locale.ROOT)));
      if (o.resolveUrl() != null) {
        Resource published = m.createResource(o.resolveUrl());
        published.addProperty(DCTerms.identifier, o.pid().value());
        content.addProperty(OWL.sameAs, published);
      }
      content.addProperty(DCTerms.identifier, o.pid().value());
      if (pkg != null && o.role() == PackageObject.Role.DATA) {
        pkg.addProperty(m.createProperty(PROV + "wasDerivedFrom"), content);
      }
    }
    return m;
  }

  /** Loads the publication into the store as graph {@code publication/<metadata PID>}. */
  public static void load(LineageStore store, PublishResult result) {
    store.replace(
        "https://w3id.org/headwater/id/publication/" + urlEncode(result.metadataPid().value()),
        graph(result).getGraph());
  }

  private static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
