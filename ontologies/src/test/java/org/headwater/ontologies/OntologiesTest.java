package org.headwater.ontologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class OntologiesTest {

  @Test
  void everyNamedQueryParsesOnceAndDeclaresItsVariable() {
    for (NamedQuery q : NamedQuery.values()) {
      assertThat(q.query()).isSameAs(q.query());
      assertThat(q.query().isSelectType()).as(q.fileName()).isTrue();
    }
    assertThat(NamedQuery.SOURCE_ROOTS.text()).contains("?target");
    assertThat(NamedQuery.byName("downstream-impact")).isEqualTo(NamedQuery.DOWNSTREAM_IMPACT);
  }

  @Test
  void rejectsUnknownQueryName() {
    assertThatThrownBy(() -> NamedQuery.byName("nope"))
        .hasMessageContaining("nope")
        .hasMessageContaining("source-roots.rq");
  }

  @Test
  void shapesParseAndNameEachShape() {
    assertThat(HeadwaterShapes.shapes().numShapes()).isGreaterThanOrEqualTo(6);
    assertThat(
            HeadwaterShapes.graph()
                .contains(
                    NodeFactory.createURI(HeadwaterShapes.NS + "OutputSourcePath"),
                    RDF.type.asNode(),
                    NodeFactory.createURI("http://www.w3.org/ns/shacl#PropertyShape")))
        .isTrue();
  }

  @Test
  void vocabularyDefinesEveryJavaConstant() throws Exception {
    var vocab = HeadwaterShapes.vocabulary();
    for (var f : HW.class.getFields()) {
      Object v = f.get(null);
      if (v instanceof org.apache.jena.rdf.model.Resource r && r.getURI().startsWith(HW.NS)) {
        assertThat(vocab.contains(r.asNode(), RDF.type.asNode(), org.apache.jena.graph.Node.ANY))
            .as(r.getURI())
            .isTrue();
      }
    }
  }
}
