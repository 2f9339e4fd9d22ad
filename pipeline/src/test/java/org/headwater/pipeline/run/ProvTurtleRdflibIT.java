package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.pipeline.testing.Python;
import org.headwater.provenance.graph.ProvenanceGraphs;
import org.headwater.provenance.graph.ProvenanceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prov.ttl} as an independent reader sees it: rdflib parses the file Headwater writes
 * (its one-pass Turtle writer) and prints it as N-Triples, which must be the graph written, with
 * the prefixes declared in the file.
 */
class ProvTurtleRdflibIT {
  @TempDir Path dir;

  @Test
  void rdflibReadsTheGraphThatWasWritten() {
    Model m = ModelFactory.createDefaultModel().setNsPrefixes(ProvenanceGraphs.prefixes());
    Resource s = m.createResource(HW.ID + "sha256/abc/variable/sic");
    s.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, HW.Variable);
    s.addProperty(HW.variableName, "quote \" backslash \\ newline \n tab \t é ∑ 😀");
    s.addProperty(m.createProperty(HW.NS + "n-1_x"), m.createLiteral("glace", "fr"));
    s.addProperty(m.createProperty(HW.NS + "1digitFirst"), m.createResource(HW.NS + "ends."));
    s.addProperty(PROV.atTime, m.createTypedLiteral("2024-05-01T10:00:00+00:00", XSDDatatype.XSDdateTime));
    s.addProperty(HW.variableName, m.createTypedLiteral("42", XSDDatatype.XSDnonNegativeInteger));
    m.createResource("https://example.org/a%20b/file_0001.nc").addProperty(PROV.wasDerivedFrom, s);
    Path ttl = ProvenanceWriter.publish(ProvenanceWriter.writeTemporary(m, dir, ProvenanceWriter.TURTLE));

    Python.require("python3-rdflib", "rdflib");
    String out = Python.run(String.join("\n",
        "import sys, rdflib",
        "g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')",
        "for p, ns in sorted(g.namespaces()):",
        "    print('#', p, ns)",
        "sys.stdout.write(g.serialize(format='nt') if isinstance(g.serialize(format='nt'), str)"
            + " else g.serialize(format='nt').decode())"), ttl.toString());

    Model back = ModelFactory.createDefaultModel();
    RDFParser.source(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8))).lang(Lang.NTRIPLES).parse(back);
    assertThat(back.size()).isEqualTo(m.size());
    assertThat(back.isIsomorphicWith(m)).as(out).isTrue();
    assertThat(out).contains("# prov " + PROV.NS, "# hw " + HW.NS, "# xsd http://www.w3.org/2001/XMLSchema#");
  }
}
