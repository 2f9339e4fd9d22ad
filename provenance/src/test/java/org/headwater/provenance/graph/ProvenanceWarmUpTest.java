package org.headwater.provenance.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.rdf.model.Model;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.record.RunRecord;
import org.junit.jupiter.api.Test;

/**
 * The made-up run a JVM records to warm up: it must stay a run the shapes accept (else the
 * warm-up fails every run) and exercise what real runs have: many inputs, steps, an output.
 */
class ProvenanceWarmUpTest {
  @Test
  void theMadeUpRunConformsAndLooksLikeARealRun() {
    RunRecord sample = ProvenanceWarmUp.sample();
    assertThat(sample.inputs()).hasSize(ProvenanceWarmUp.INPUTS)
        .extracting(i -> i.url()).doesNotHaveDuplicates();
    assertThat(sample.steps()).isNotEmpty();
    assertThat(sample.outputs()).isNotEmpty();

    Model graph = ProvenanceGraphs.buildUnvalidated(sample, null);
    assertThat(ProvenanceValidator.validate(graph.getGraph())).isEmpty();
    assertThat(graph.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, PROV.Entity).toList())
        .as("each input, the recipe and the output are entities").hasSizeGreaterThan(ProvenanceWarmUp.INPUTS);
  }
}
