package org.headwater.provenance.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.headwater.provenance.Fixtures.sha;

import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Each shape and PROV-CONSTRAINTS check with a conforming fixture (the graph of a known run) and a
 * violating one (the same graph with one defect).
 */
class ShapesTest {
  private static final String SH = "https://w3id.org/headwater/shapes#";
  private static final String RUN = ProvIris.run("run-greenland-1");
  private static final String ZARR = ProvIris.file(sha("zarr"));
  private static final String M0 = ProvIris.file(sha("m0"));

  @Test
  void knownRunConforms() {
    assertThat(ProvenanceValidator.validate(conforming().getGraph())).isEmpty();
  }

  @Test
  void outputWithoutGeneratingActivityViolatesOutputGeneration() {
    assertViolates(m -> m.removeAll(m.createResource(ZARR), PROV.wasGeneratedBy, null), SH + "OutputGeneration", ZARR);
  }

  @Test
  void outputWithoutDerivationViolatesOutputDerivation() {
    assertViolates(m -> m.removeAll(m.createResource(ZARR), PROV.wasDerivedFrom, null), SH + "OutputDerivation", ZARR);
  }

  @Test
  void outputWithNoPathToAChecksummedSourceViolatesOutputSourcePath() {
    assertViolates(m -> m.removeAll(null, RDF.type, HW.Source), SH + "OutputSourcePath", ZARR);
  }

  @Test
  void malformedChecksumViolatesChecksum() {
    assertViolates(m -> {
      Resource c = m.createResource(M0 + "#sha256");
      m.removeAll(c, SPDX.checksumValue, null);
      c.addProperty(SPDX.checksumValue, "NOT-HEX");
    }, SH + "Checksum", M0 + "#sha256");
  }

  @Test
  void activityEndingBeforeItStartsViolatesActivityTimes() {
    assertViolates(m -> {
      Resource run = m.createResource(RUN);
      m.removeAll(run, PROV.endedAtTime, null);
      run.addLiteral(PROV.endedAtTime, m.createTypedLiteral("2024-05-01T09:00:00Z", XSDDatatype.XSDdateTime));
    }, SH + "ActivityTimes", RUN);
  }

  @Test
  void anonymousOrNamelessAgentViolatesAgentIdentified() {
    assertViolates(m -> m.removeAll(m.createResource(Fixtures.ORCID), FOAF.name, null), SH + "AgentIdentified", Fixtures.ORCID);
    assertViolates(m -> {
      Resource blank = m.createResource().addProperty(RDF.type, PROV.Agent).addProperty(FOAF.name, "someone");
      m.createResource(RUN).addProperty(PROV.wasAssociatedWith, blank);
    }, SH + "AgentIdentified", null);
  }

  @Test
  void associationWithoutAgentViolatesAssociationAgent() {
    String assoc = ProvIris.runPart("run-greenland-1", "association/creator/0");
    assertViolates(m -> m.removeAll(m.createResource(assoc), PROV.agent, null), SH + "AssociationAgent", assoc);
  }

  @Test
  void derivationCycleViolatesProvConstraints() {
    assertViolates(m -> m.createResource(M0).addProperty(PROV.wasDerivedFrom, m.createResource(ZARR)),
        ProvConstraints.NO_CYCLES, null);
  }

  @Test
  void usageBeforeGenerationViolatesProvConstraints() {
    assertViolates(m -> {
      Resource u = m.createResource("urn:test:usage");
      u.addProperty(PROV.entity, m.createResource(ZARR))
          .addLiteral(PROV.atTime, m.createTypedLiteral("2024-05-01T09:59:00Z", XSDDatatype.XSDdateTime));
      m.createResource("urn:test:activity").addProperty(RDF.type, PROV.Activity).addProperty(PROV.qualifiedUsage, u);
    }, ProvConstraints.GENERATION_BEFORE_USAGE, ZARR);
  }

  @Test
  void cycleCheckIsIterativeOnLongChains() {
    Model m = conforming();
    Resource prev = m.createResource("urn:chain:0");
    for (int i = 1; i <= 20_000; i++) {
      Resource next = m.createResource("urn:chain:" + i);
      next.addProperty(PROV.wasDerivedFrom, prev);
      prev = next;
    }
    assertThat(ProvConstraints.findCycle(m.getGraph())).isNull();
    m.createResource("urn:chain:0").addProperty(PROV.wasDerivedFrom, prev);
    assertThat(ProvConstraints.findCycle(m.getGraph())).isNotNull();
  }

  @Test
  void validatesFilesLikeValidateProv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path good = dir.resolve("good.ttl");
    ProvenanceWriter.write(conforming(), dir);
    java.nio.file.Files.move(dir.resolve("prov.ttl"), good);
    assertThat(ProvenanceValidator.validateFile(good)).isEmpty();
    java.nio.file.Path cyclic = java.nio.file.Files.writeString(dir.resolve("cyclic.ttl"),
        "@prefix prov: <http://www.w3.org/ns/prov#> . <urn:a> prov:wasDerivedFrom <urn:b> . <urn:b> prov:wasDerivedFrom <urn:a> .");
    assertThat(ProvenanceValidator.validateFile(cyclic)).extracting(ProvenanceValidator.Problem::check)
        .containsExactly(ProvConstraints.NO_CYCLES);
    java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("broken.ttl"), "<urn:a> <urn:b> .");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProvenanceValidator.validateFile(broken))
        .isInstanceOf(org.headwater.provenance.ProvenanceException.class).hasMessageContaining("broken.ttl");
  }

  private static Model conforming() {
    return ProvenanceGraphs.buildUnvalidated(Fixtures.greenland(), null);
  }

  private static void assertViolates(Consumer<Model> defect, String check, String focus) {
    Model m = conforming();
    defect.accept(m);
    List<ProvenanceValidator.Problem> problems = ProvenanceValidator.validate(m.getGraph());
    assertThat(problems)
        .as("problems for %s", check)
        .anyMatch(p -> p.check().equals(check) && (focus == null || p.focusNode().equals(focus)));
  }
}
