package org.headwater.provenance.graph;

import org.headwater.provenance.record.InputRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.headwater.provenance.Fixtures.DOI_IRI;
import static org.headwater.provenance.Fixtures.ORCID;
import static org.headwater.provenance.Fixtures.sha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.PROVONE;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.Fixtures;
import org.headwater.provenance.ShapeViolationException;
import org.headwater.provenance.record.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceGraphsTest {
  private final Model m = ProvenanceGraphs.build(Fixtures.greenland(), Path.of("/runs/run-greenland-1"));
  private final Resource run = r(ProvIris.run("run-greenland-1"));
  private final Resource m0 = r(ProvIris.file(sha("m0")));
  private final Resource zarr = r(ProvIris.file(sha("zarr")));

  @Test
  void runIsATimedExecution() {
    assertHas(run, RDF.type, PROVONE.Execution);
    assertHas(run, RDF.type, PROV.Activity);
    assertHas(run, PROV.startedAtTime, m.createTypedLiteral("2024-05-01T10:00:00Z", XSDDatatype.XSDdateTime));
    assertHas(run, PROV.endedAtTime, m.createTypedLiteral("2024-05-01T10:01:30Z", XSDDatatype.XSDdateTime));
    assertHas(run, HW.runner, m.createLiteral("DirectRunner"));
  }

  @Test
  void sourceFileIsIdentifiedByContentAndGroupedUnderItsDoi() {
    assertHas(m0, RDF.type, HW.Source);
    assertHas(m0, DCAT.downloadURL, r("https://data.example.org/speed_m0.nc"));
    assertHas(m0, DCAT.byteSize, m.createTypedLiteral("100", XSDDatatype.XSDnonNegativeInteger));
    assertHas(m0, HW.etag, m.createLiteral("\"etag-m0\""));
    assertHas(m0, HW.lastModified, m.createLiteral("Wed, 01 May 2024 09:00:00 GMT"));
    assertHas(m0, DCTerms.isPartOf, r(DOI_IRI));
    assertHas(m0, PROV.hadPrimarySource, r(DOI_IRI));
    assertHas(m0, PROV.wasDerivedFrom, r(DOI_IRI));
    Resource checksum = m0.getPropertyResourceValue(SPDX.checksum);
    assertHas(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256);
    assertHas(checksum, SPDX.checksumValue, m.createLiteral(sha("m0")));
  }

  @Test
  void usageIsQualifiedWithRoleAndRetrievalTime() {
    Resource usage = r(ProvIris.runPart("run-greenland-1", "usage/0"));
    assertHas(run, PROV.used, m0);
    assertHas(run, PROV.qualifiedUsage, usage);
    assertHas(usage, PROV.entity, m0);
    assertHas(usage, PROV.hadRole, HW.source);
    assertHas(usage, PROV.atTime, m.createTypedLiteral("2024-05-01T10:00:05Z", XSDDatatype.XSDdateTime));
  }

  @Test
  void outputIsGeneratedAndDerivedFromEveryInputThroughQualifiedDerivations() {
    assertHas(zarr, RDF.type, HW.Output);
    assertHas(zarr, HW.path, m.createLiteral("outputs/speed.zarr"));
    assertHas(zarr, PROV.atLocation, r("file:///runs/run-greenland-1/outputs/speed.zarr"));
    assertHas(zarr, PROV.wasGeneratedBy, run);
    assertHas(zarr, PROV.wasDerivedFrom, m0);
    assertHas(zarr, PROV.wasDerivedFrom, r(ProvIris.file(sha("m1"))));
    assertHas(zarr, PROV.wasAttributedTo, r(ORCID));
    Resource gen = zarr.getPropertyResourceValue(PROV.qualifiedGeneration);
    assertHas(gen, PROV.activity, run);
    assertHas(gen, PROV.hadRole, HW.output);
    List<RDFNode> derivations = m.listObjectsOfProperty(zarr, PROV.qualifiedDerivation).toList();
    assertThat(derivations).hasSize(2);
    Resource d = derivations.get(0).asResource();
    assertHas(d, PROV.hadActivity, run);
    assertThat(d.getPropertyResourceValue(PROV.entity)).isIn(m0, r(ProvIris.file(sha("m1"))));
  }

  @Test
  void outputVariableDerivesFromTheRenamedSourceVariable() {
    Resource speed = r(ProvIris.variable(sha("zarr"), "speed"));
    Resource original = r(ProvIris.variable(sha("m0"), "velsurf_mag"));
    assertHas(speed, RDF.type, HW.Variable);
    assertHas(speed, DCTerms.isPartOf, zarr);
    assertHas(speed, HW.units, m.createLiteral("m year-1"));
    assertHas(speed, HW.dimensions, m.createLiteral("member time y x"));
    assertHas(speed, PROV.wasDerivedFrom, original);
    assertHas(speed, PROV.wasInfluencedBy, r(ProvIris.step("run-greenland-1", 1)));
    assertHas(original, DCTerms.isPartOf, m0);
    assertHas(original, HW.variableName, m.createLiteral("velsurf_mag"));
  }

  @Test
  void outputVariableDerivesOnlyFromInputsThatProvideItsSource() {
    RunRecord g = Fixtures.greenland();
    InputRecord m0 = g.inputs().get(0);
    InputRecord csv =
        new InputRecord("https://data.example.org/mass.csv", m0.sourceOfTruth(), sha("csv"), 10,
            m0.retrieved(), null, null, "csv", java.util.Map.of(), false, java.util.List.of("Year", "Mass (Gt)"));
    InputRecord speedFile =
        new InputRecord(m0.url(), m0.sourceOfTruth(), m0.sha256(), m0.size(), m0.retrieved(), m0.etag(),
            m0.lastModified(), m0.fileType(), m0.keys(), false, java.util.List.of("velsurf_mag", "x", "y"));
    RunRecord mixed =
        new RunRecord(g.runId(), g.status(), g.recipe(), g.started(), g.ended(), g.software(),
            java.util.List.of(speedFile, csv), g.skipped(), g.steps(), g.outputs(), null);
    Model mm = ProvenanceGraphs.build(mixed, Path.of("/runs/run-greenland-1"));
    Resource speed = mm.createResource(ProvIris.variable(sha("zarr"), "speed"));
    assertThat(mm.contains(speed, PROV.wasDerivedFrom, mm.createResource(ProvIris.variable(sha("m0"), "velsurf_mag"))))
        .isTrue();
    assertThat(mm.contains(speed, PROV.wasDerivedFrom, mm.createResource(ProvIris.variable(sha("csv"), "velsurf_mag"))))
        .as("no lineage to a file without that variable").isFalse();
    Resource zarrFile = mm.createResource(ProvIris.file(sha("zarr")));
    assertThat(mm.contains(zarrFile, PROV.wasDerivedFrom, mm.createResource(ProvIris.file(sha("m0"))))).isTrue();
    assertThat(mm.contains(zarrFile, PROV.wasDerivedFrom, mm.createResource(ProvIris.file(sha("csv")))))
        .as("no output-level lineage to an input none of its variables comes from").isFalse();
  }

  @Test
  void stepsCarryParametersAndRunCommandDetails() {
    Resource rename = r(ProvIris.step("run-greenland-1", 1));
    Resource command = r(ProvIris.step("run-greenland-1", 2));
    assertHas(rename, PROVONE.wasPartOf, run);
    assertHas(rename, HW.stepName, m.createLiteral("rename"));
    Resource param = rename.getPropertyResourceValue(HW.parameter);
    assertHas(param, RDFS.label, m.createLiteral("variables"));
    assertHas(param, RDF.value, m.createLiteral("{\"velsurf_mag\":\"speed\"}"));
    assertHas(command, PROV.wasInformedBy, rename);
    assertHas(command, HW.argv, m.createLiteral("[\"ncatted\",\"-a\",\"history,global,d,,\",\"in.nc\"]"));
    assertHas(command, HW.exitCode, m.createTypedLiteral("0", XSDDatatype.XSDinteger));
    assertHas(command, HW.toolVersion, m.createLiteral("NCO 5.1.4"));
  }

  @Test
  void agentsAreAssociatedWithTheRecipeAsPlan() {
    Resource recipe = r(ProvIris.file(sha("recipe greenland-speed")));
    assertHas(recipe, RDF.type, PROV.Plan);
    assertHas(recipe, DCTerms.license, r("https://spdx.org/licenses/CC-BY-4.0"));
    assertHas(r(ORCID), RDF.type, PROV.Person);
    assertHas(r(ORCID), FOAF.name, m.createLiteral("Ada Lovelace"));
    assertHas(run, PROV.wasAssociatedWith, r(ORCID));
    long planned =
        m.listObjectsOfProperty(run, PROV.qualifiedAssociation).toList().stream()
            .map(RDFNode::asResource)
            .filter(a -> a.hasProperty(PROV.hadPlan, recipe))
            .count();
    assertThat(planned).isEqualTo(2); // software and creator
    Resource software = r(ProvIris.runPart("run-greenland-1", "association/software")).getPropertyResourceValue(PROV.agent);
    assertHas(software, RDF.type, PROV.SoftwareAgent);
    assertHas(software, HW.beamVersion, m.createLiteral("2.70.0"));
  }

  @Test
  void graphIsDeterministic() {
    Model again = ProvenanceGraphs.build(Fixtures.greenland(), Path.of("/runs/run-greenland-1"));
    assertThat(again.isIsomorphicWith(m)).isTrue();
    assertThat(again.size()).isEqualTo(m.size());
  }

  @Test
  void rejectsAnOutputWithNoInputsNamingShapeAndFocusNode() {
    RunRecord r = Fixtures.greenland();
    RunRecord noInputs = new RunRecord(r.runId(), r.status(), r.recipe(), r.started(), r.ended(), r.software(),
        List.of(), List.of(), List.of(), r.outputs(), null);
    assertThatThrownBy(() -> ProvenanceGraphs.build(noInputs, null))
        .isInstanceOfSatisfying(ShapeViolationException.class, e -> {
          assertThat(e.shape())
              .isIn("https://w3id.org/headwater/shapes#OutputDerivation", "https://w3id.org/headwater/shapes#OutputSourcePath");
          assertThat(e.focusNode()).isIn(zarr.getURI(), ProvIris.file(sha("nc")));
          assertThat(e.problems()).anyMatch(p -> p.startsWith("hwsh:OutputDerivation at " + zarr.getURI()));
          assertThat(e.getMessage()).contains("validate-prov");
        });
  }

  @Test
  void writesTurtleAndJsonLdThatReadBack(@TempDir Path dir) {
    Path ttl = ProvenanceWriter.write(m, dir);
    assertThat(ttl).isEqualTo(dir.resolve("prov.ttl"));
    assertThat(RDFDataMgr.loadModel(ttl.toString()).isIsomorphicWith(m)).isTrue();
    assertThat(RDFDataMgr.loadModel(dir.resolve("prov.jsonld").toString()).isIsomorphicWith(m)).isTrue();
    assertThat(dir.resolve("prov.ttl.tmp")).doesNotExist();
    assertThat(Files.exists(dir.resolve("prov.jsonld"))).isTrue();
  }

  private Resource r(String iri) {
    return m.createResource(iri);
  }

  private void assertHas(Resource s, org.apache.jena.rdf.model.Property p, RDFNode o) {
    assertThat(m.contains(s, p, o)).as("%s %s %s", s, p.getLocalName(), o).isTrue();
  }
}
