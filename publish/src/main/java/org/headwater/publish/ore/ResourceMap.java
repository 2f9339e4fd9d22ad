package org.headwater.publish.ore;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.publish.sysmeta.PackageObject;
import org.headwater.publish.sysmeta.Pid;

/**
 * An OAI-ORE resource map for a package, in the form DataONE indexes: a {@code ore:ResourceMap}
 * describing an {@code ore:Aggregation} of the metadata and data, {@code cito:documents} and {@code
 * cito:isDocumentedBy} between them (every pair both ways), a {@code dcterms:identifier} literal on every node, and the
 * run's provenance as DataONE's viewer reads it (outputs {@code prov:wasDerivedFrom} their
 * sources, a {@code provone:Execution} that used the sources and generated the outputs, qualified
 * by the recipe as plan and the people as agents).
 *
 * @param pid the resource map's PID
 * @param metadata the EML object
 * @param members the data objects and the recipe
 * @param run the run record
 * @param resolve the resolve URL of a PID on the target node
 * @param previous the resource map this one revises, or null
 * @param previousMetadata the metadata the new metadata revises, or null
 */
public record ResourceMap(
    Pid pid,
    PackageObject metadata,
    List<PackageObject> members,
    RunRecord run,
    Function<Pid, String> resolve,
    Pid previous,
    Pid previousMetadata) {

  /** Where DataONE resolves any PID, wherever it is stored. */
  public static final String CN_RESOLVE = "https://cn.dataone.org/cn/v2/resolve/";

  public ResourceMap {
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(resolve, "resolve");
    members = List.copyOf(members);
  }

  /** The resource map as a Jena model. */
  public Model toModel() {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("ore", ORE.NS).setNsPrefix("cito", CITO.NS).setNsPrefix("prov", PROV.NS);
    m.setNsPrefix("provone", PROVONE.NS).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("rdfs", RDFS.uri);
    Resource rm = node(m, resolve.apply(pid), pid.value());
    Resource agg = node(m, resolve.apply(pid) + "#aggregation", pid.value() + "#aggregation");
    rm.addProperty(RDF.type, ORE.ResourceMap).addProperty(ORE.describes, agg);
    rm.addProperty(DCTerms.creator, "Headwater");
    rm.addLiteral(DCTerms.modified, m.createTypedLiteral(calendar(Instant.now())));
    agg.addProperty(RDF.type, ORE.Aggregation).addProperty(ORE.isDescribedBy, rm);
    if (run.recipe().title() != null) {
      agg.addProperty(DCTerms.title, run.recipe().title());
    }
    // Every CiTO statement with its inverse, as DataONE's ResourceMapFactory.createResourceMap
    // (d1_libclient_java, org.dataone.ore) writes isDocumentedBy on the data and documents on the
    // metadata for each pair; the metadata documents, and is documented by, itself.
    Resource meta = member(m, agg, metadata);
    meta.addProperty(CITO.isDocumentedBy, meta);
    meta.addProperty(CITO.documents, meta);
    for (PackageObject o : members) {
      Resource r = member(m, agg, o);
      meta.addProperty(CITO.documents, r);
      r.addProperty(CITO.isDocumentedBy, meta);
    }
    if (previous != null) {
      rm.addProperty(PROV.wasRevisionOf, node(m, resolve.apply(previous), previous.value()));
    }
    if (previousMetadata != null) {
      meta.addProperty(PROV.wasRevisionOf, node(m, resolve.apply(previousMetadata), previousMetadata.value()));
    }
    provenance(m);
    return m;
  }

  /** The resource map as RDF/XML, the serialisation DataONE registers for this formatId. */
  public byte[] toRdfXml() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, toModel(), RDFFormat.RDFXML_PLAIN);
    return out.toByteArray();
  }

  private void provenance(Model m) {
    String runId = URLEncoder.encode(run.runId(), StandardCharsets.UTF_8);
    Resource exec = node(m, "urn:headwater:run:" + runId, run.runId()).addProperty(RDF.type, PROVONE.Execution);
    exec.addProperty(RDFS.label, "Headwater run of recipe " + run.recipe().id());
    if (run.started() != null) {
      exec.addLiteral(PROV.startedAtTime, m.createTypedLiteral(calendar(run.started())));
    }
    if (run.ended() != null) {
      exec.addLiteral(PROV.endedAtTime, m.createTypedLiteral(calendar(run.ended())));
    }
    PackageObject recipe = members.stream().filter(o -> o.role() == PackageObject.Role.RECIPE).findFirst().orElse(null);
    List<Resource> sources = run.inputs().stream().map(in -> source(m, in)).toList();
    sources.forEach(s -> exec.addProperty(PROV.used, s));
    int i = 0;
    for (Creator c : run.recipe().creators()) {
      String agentIri = c.orcid() != null ? c.orcid() : "urn:headwater:agent:" + URLEncoder.encode(c.name(), StandardCharsets.UTF_8);
      Resource agent = node(m, agentIri, c.orcid() != null ? c.orcid() : c.name());
      agent.addProperty(RDF.type, PROV.Person).addProperty(RDFS.label, c.name());
      Resource assoc = node(m, "urn:headwater:run:" + runId + ":association:" + i, run.runId() + "#association" + i);
      i++;
      assoc.addProperty(RDF.type, PROV.Association).addProperty(PROV.agent, agent);
      if (recipe != null) {
        assoc.addProperty(PROV.hadPlan, m.getResource(recipe.resolveUrl()));
      }
      exec.addProperty(PROV.qualifiedAssociation, assoc).addProperty(PROV.wasAssociatedWith, agent);
    }
    if (recipe != null) {
      m.getResource(recipe.resolveUrl()).addProperty(RDF.type, PROVONE.Program);
    }
    for (PackageObject o : members) {
      if (o.role() != PackageObject.Role.DATA) {
        continue;
      }
      Resource out = m.getResource(o.resolveUrl()).addProperty(RDF.type, PROVONE.Data);
      out.addProperty(PROV.wasGeneratedBy, exec);
      sources.forEach(s -> out.addProperty(PROV.wasDerivedFrom, s));
    }
  }

  /** A source file; one that lives in a DataONE archive is named by its CN resolve URL. */
  private Resource source(Model m, InputRecord in) {
    Pid archived = archivedPid(in.url());
    Resource s = archived != null
        ? node(m, CN_RESOLVE + URLEncoder.encode(archived.value(), StandardCharsets.UTF_8), archived.value())
        : node(m, in.url(), in.url());
    s.addProperty(RDF.type, PROVONE.Data);
    if (in.sourceOfTruth() != null) {
      Pid sot = Pid.parseUserInput(in.sourceOfTruth());
      String iri = sot.isDoi() ? "https://doi.org/" + sot.doi() : in.sourceOfTruth();
      s.addProperty(DCTerms.isPartOf, node(m, iri, sot.value()));
    }
    return s;
  }

  /** The PID in a DataONE object or resolve URL, else null. */
  static Pid archivedPid(String url) {
    for (String marker : new String[] {"/v2/object/", "/v1/object/", "/v2/resolve/", "/v1/resolve/"}) {
      int at = url.indexOf(marker);
      if (at >= 0 && url.startsWith("http")) {
        String tail = url.substring(at + marker.length());
        if (!tail.isEmpty() && !tail.contains("/")) {
          return Pid.of(URLDecoder.decode(tail, StandardCharsets.UTF_8));
        }
      }
    }
    return null;
  }

  private static Resource member(Model m, Resource agg, PackageObject o) {
    Resource r = node(m, o.resolveUrl(), o.pid().value());
    agg.addProperty(ORE.aggregates, r);
    return r.addProperty(ORE.isAggregatedBy, agg);
  }

  private static Resource node(Model m, String iri, String identifier) {
    Resource r = m.getResource(iri);
    if (!r.hasProperty(DCTerms.identifier)) {
      r.addProperty(DCTerms.identifier, identifier);
    }
    return r;
  }

  private static Calendar calendar(Instant t) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(t.toEpochMilli());
    return c;
  }
}
