package org.headwater.provenance.graph;

import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.PROVONE;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.ShapeViolationException;
import org.headwater.provenance.record.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link RunRecord} into its W3C PROV graph: the pipeline's one entry point.
 *
 * <pre>{@code
 * Model prov = ProvenanceGraphs.build(record, runDir);   // validated
 * ProvenanceWriter.write(prov, runDir);                  // prov.ttl + prov.jsonld
 * try (LineageStore store = LineageStore.open(LineageStore.defaultLocation())) {
 *   store.load(record.runId(), prov);
 * }
 * }</pre>
 *
 * <p>The graph describes: the run as a {@code provone:Execution} with start and end times; one
 * {@code hw:Step} activity per step with its parameters (and argv, exit code and tool version for
 * {@code run_command}); each source file (URL, SHA-256, size, ETag, Last-Modified) grouped under
 * its source-of-truth dataset (a DOI IRI), used with role {@code hw:source} at its retrieval
 * time; each output (SHA-256, size, location) generated with role {@code hw:output} and derived
 * from every input through qualified derivations naming the run; each output variable derived
 * from the source variables it came from; the software and the recipe's people associated with
 * the run through {@code prov:qualifiedAssociation} with {@code prov:hadPlan} the recipe, an
 * entity identified by the SHA-256 of the recipe file. IRIs are in {@link ProvIris}.
 */
public final class ProvenanceGraphs {
  private static final Logger LOG = LoggerFactory.getLogger(ProvenanceGraphs.class);

  private ProvenanceGraphs() {}

  /**
   * Builds and validates the PROV graph of a run.
   *
   * @param record the run record (as written to {@code run.json})
   * @param runDir the run directory, used for the absolute locations of outputs and the recipe
   *     copy; may be null when the graph should carry no locations
   * @return a new in-memory model
   * @throws ShapeViolationException naming the violated shape and focus node when the record
   *     cannot make a valid graph (e.g. an output with no inputs)
   */
  public static Model build(RunRecord record, Path runDir) {
    Model model = buildUnvalidated(record, runDir);
    ProvenanceValidator.check(model);
    LOG.debug("built provenance of run {}: {} triples", record.runId(), model.size());
    return model;
  }

  /** Builds the graph without validating it (for tests and for reporting every problem). */
  public static Model buildUnvalidated(RunRecord record, Path runDir) {
    return new RunGraphBuilder(record, runDir).build();
  }

  /** The name of a run's graph in the lineage store (the run activity's IRI). */
  public static String graphName(String runId) {
    return ProvIris.run(runId);
  }

  /** The prefixes Headwater writes: prov, provone, hw, dcterms, dcat, spdx, foaf, rdfs, xsd. */
  public static PrefixMapping prefixes() {
    PrefixMapping p = PrefixMapping.Factory.create();
    p.setNsPrefix("prov", PROV.NS).setNsPrefix("provone", PROVONE.NS).setNsPrefix("hw", HW.NS);
    p.setNsPrefix("hwid", HW.ID).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("dcat", DCAT.NS);
    p.setNsPrefix("spdx", SPDX.NS).setNsPrefix("foaf", FOAF.NS).setNsPrefix("rdf", RDF.uri);
    p.setNsPrefix("rdfs", RDFS.uri).setNsPrefix("xsd", XSD.NS).setNsPrefix("owl", OWL.NS);
    return p.lock();
  }

  static void setPrefixes(Model m) {
    m.setNsPrefixes(prefixes());
  }
}
