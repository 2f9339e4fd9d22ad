package org.headwater.provenance.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass Turtle writer: Jena reads back the same graph and the same prefixes. */
class TurtleBlocksTest {
  @TempDir Path dir;

  /** IRIs and literals that must not be abbreviated or must be escaped, subjects interleaved. */
  static Graph awkward() {
    Graph g = GraphFactory.createDefaultGraph();
    Node s = NodeFactory.createURI(HW.ID + "sha256/abc/variable/sic");
    Node p = NodeFactory.createURI(HW.NS + "variableName");
    g.add(s, p, NodeFactory.createLiteralString("quote \" backslash \\ newline \n tab \t é ∑ 😀"));
    g.add(s, RDF.type.asNode(), PROV.Entity.asNode());
    g.add(s, NodeFactory.createURI(HW.NS + "n-1_x"), NodeFactory.createLiteralLang("glace", "fr"));
    g.add(NodeFactory.createURI(PROV.NS), p, NodeFactory.createURI(HW.NS)); // empty local parts
    g.add(s, NodeFactory.createURI(HW.NS + "1digitFirst"), NodeFactory.createURI(HW.NS + "ends."));
    g.add(s, NodeFactory.createURI(HW.NS + "-dash"), NodeFactory.createURI(HW.NS + "a.b"));
    g.add(s, PROV.atTime.asNode(), NodeFactory.createLiteralDT("2024-05-01T10:00:00Z", XSDDatatype.XSDdateTime));
    g.add(s, p, NodeFactory.createLiteralDT("42", XSDDatatype.XSDnonNegativeInteger));
    g.add(s, p, NodeFactory.createLiteralDT("x", NodeFactory.getType(HW.NS + "myType")));
    g.add(s, p, NodeFactory.createLiteralDT("y", NodeFactory.getType("urn:x-type:odd")));
    g.add(NodeFactory.createURI("https://example.org/a%20b/file_0001.nc"), p, NodeFactory.createURI("urn:uuid:1234"));
    Node blank = NodeFactory.createBlankNode("label with spaces/and:colons");
    g.add(blank, p, s);
    g.add(s, p, blank);
    g.add(s, p, NodeFactory.createBlankNode());
    return g;
  }

  static Graph parse(byte[] turtle, Model prefixesInto) {
    RDFParser.source(new ByteArrayInputStream(turtle)).lang(Lang.TURTLE).parse(prefixesInto);
    return prefixesInto.getGraph();
  }

  @Test
  void writesTheSameGraphJenaReadsBack() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TurtleBlocks.write(awkward(), ProvenanceGraphs.prefixes(), out);
    Graph back = parse(out.toByteArray(), ModelFactory.createDefaultModel());
    assertThat(back.isIsomorphicWith(awkward())).as(out.toString(StandardCharsets.UTF_8)).isTrue();
  }

  @Test
  void keepsThePrefixesAndAbbreviatesPlainNames() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TurtleBlocks.write(awkward(), ProvenanceGraphs.prefixes(), out);
    Model back = ModelFactory.createDefaultModel();
    parse(out.toByteArray(), back);
    assertThat(back.getNsPrefixMap()).isEqualTo(ProvenanceGraphs.prefixes().getNsPrefixMap());
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("rdf:type prov:Entity", "hw:n-1_x \"glace\"@fr", "\"2024-05-01T10:00:00Z\"^^xsd:dateTime")
        .contains("<" + HW.NS + "1digitFirst>", "<" + HW.NS + "ends.>", "<" + HW.ID + "sha256/abc/variable/sic>");
  }

  @Test
  void provTtlOfARunIsTheGraphTheRunBuilt() throws Exception {
    Model prov = ProvenanceGraphs.build(Fixtures.greenland(), Path.of("/runs/run-greenland-1"));
    Path ttl = ProvenanceWriter.publish(ProvenanceWriter.writeTemporary(prov, dir, ProvenanceWriter.TURTLE));
    Model back = ModelFactory.createDefaultModel();
    parse(Files.readAllBytes(ttl), back);
    assertThat(back.size()).isEqualTo(prov.size());
    assertThat(back.getGraph().isIsomorphicWith(prov.getGraph())).isTrue();
    assertThat(back.getNsPrefixMap()).containsAllEntriesOf(ProvenanceGraphs.prefixes().getNsPrefixMap());
    assertThat(ProvenanceValidator.validateFile(ttl)).isEmpty();
  }
}
