package org.headwater.web.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a user sees in a picture drawn in Java, read back with the JDK's XML parser. */
class PictureSvgTest {
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  private static PictureNode box(String id, String label, String kind, String href) {
    return new PictureNode(id, label, kind, href, List.of(), false);
  }

  @Test
  void everyBoxIsDrawnWithItsLinesAndLinkAndTimeFlowsLeftToRight() throws Exception {
    PictureNode truth = box("n0", "source of truth\n10.5281/zenodo.1", "dataset", "/?q=10.5281%2Fzenodo.1");
    PictureNode group = box("n1", "40 source files\nof 10.5281/zenodo.1\nm01.nc … m40.nc", "group", "/?q=x");
    PictureNode ensemble = box("n2", "speed.nc\nrun-ensemble", "output", "/dataset/run-ensemble#output-ab");
    PictureNode mean = new PictureNode("n3", "mean.nc\nrun-mean", "output", "/dataset/run-mean", List.of(), true);
    PictureNode doi = box("n4", "published as\ndoi:10.5072/x", "published", null);
    Picture p = new Picture(List.of(mean, doi, ensemble, group, truth),
        List.of(List.of(truth, group), List.of(group, ensemble), List.of(ensemble, mean), List.of(mean, doi),
            List.of(truth, mean)));

    Map<String, Box> boxes = boxes(parse(p.svgDocument()));

    assertThat(boxes.keySet()).containsExactlyInAnyOrder("n0", "n1", "n2", "n3", "n4");
    assertThat(boxes.get("n1").lines).containsExactly("40 source files", "of 10.5281/zenodo.1", "m01.nc … m40.nc");
    assertThat(boxes.get("n2").href).isEqualTo("/dataset/run-ensemble#output-ab");
    assertThat(boxes.get("n0").href).isEqualTo("/?q=10.5281%2Fzenodo.1");
    assertThat(boxes.get("n4").href).as("a box without a page is not a link").isNull();
    assertThat(boxes.get("n3").strokeWidth).as("what the picture is about is drawn bold").isEqualTo("2.5");
    assertThat(boxes.get("n0").x).as("source of truth, then its files, then what was made, then its DOI")
        .isLessThan(boxes.get("n1").x);
    assertThat(boxes.get("n1").x).isLessThan(boxes.get("n2").x);
    assertThat(boxes.get("n2").x).isLessThan(boxes.get("n3").x);
    assertThat(boxes.get("n3").x).isLessThan(boxes.get("n4").x);
    assertThat(p.svg()).as("one arrow per pair").containsOnlyOnce("<title>n0&#45;&gt;n3</title>")
        .containsOnlyOnce("<title>n1&#45;&gt;n2</title>");
  }

  @Test
  void anArrowThatSkipsColumnsRunsBetweenBoxesNotUnderThem() {
    PictureNode truth = box("t", "source of truth", "dataset", null);
    PictureNode group = box("g", "4 source files", "group", null);
    PictureNode out = box("o", "speed.nc", "output", null);
    Layout l = Layout.of(List.of(truth, group, out), List.of(List.of(truth, group), List.of(group, out),
        List.of(truth, out)));

    Layout.Arrow skip = l.arrows().stream().filter(a -> a.from().node() == truth && a.to().node() == out)
        .findFirst().orElseThrow();
    Layout.Placed g = l.boxes().get(1);
    assertThat(skip.via()).hasSize(1);
    double y = skip.via().get(0)[2];
    assertThat(y < g.y() || y > g.y() + g.h()).as("the arrow passes above or below the group's box").isTrue();
    assertThat(l.height()).isGreaterThan(g.h() + Layout.LINE);
  }

  @Test
  void rowsAreOrderedSoArrowsDoNotCross() throws Exception {
    PictureNode a = box("a", "a", "source", null);
    PictureNode b = box("b", "b", "source", null);
    PictureNode fromB = box("fromB", "made from b", "output", null);
    PictureNode fromA = box("fromA", "made from a", "output", null);
    Picture p = new Picture(List.of(a, b, fromB, fromA), List.of(List.of(a, fromA), List.of(b, fromB)));

    Map<String, Box> boxes = boxes(parse(p.svgDocument()));

    assertThat(boxes.get("a").y).isLessThan(boxes.get("b").y);
    assertThat(boxes.get("fromA").y).as("given in the crossing order, drawn in the straight one")
        .isLessThan(boxes.get("fromB").y);
  }

  @Test
  void labelsAreTextNotMarkupAndACycleStillDraws() throws Exception {
    PictureNode x = box("x", "<script>alert(1)</script> & \"q\"", "entity", "/?q=a&b=\"c\"");
    PictureNode y = box("y", "y", "entity", null);
    Picture p = new Picture(List.of(x, y), List.of(List.of(x, y), List.of(y, x)));

    Document doc = parse(p.svgDocument());

    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(boxes(doc).get("x").lines).containsExactly("<script>alert(1)</script> & \"q\"");
    assertThat(boxes(doc).get("x").href).isEqualTo("/?q=a&b=\"c\"");
  }

  @Test
  void dotHasTheSameBoxesAndArrows() {
    PictureNode a = box("n0", "a \"quoted\"\nline", "source", "/source/ab");
    PictureNode b = box("n1", "b", "output", null);
    String dot = new Picture(List.of(a, b), List.of(List.of(a, b))).dot();
    assertThat(dot).contains("rankdir=LR;", "n0 [label=\"a \\\"quoted\\\"\\nline\", shape=note",
        "URL=\"/source/ab\"", "n0 -> n1;");
  }

  private static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
  }

  /** Each node group: its text lines, link, and the left/top of its shape's first point. */
  private static Map<String, Box> boxes(Document doc) {
    Map<String, Box> out = new LinkedHashMap<>();
    NodeList gs = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (!g.getAttribute("class").startsWith("node")) {
        continue;
      }
      List<String> lines = new ArrayList<>();
      NodeList texts = g.getElementsByTagNameNS("*", "text");
      for (int t = 0; t < texts.getLength(); t++) {
        lines.add(texts.item(t).getTextContent());
      }
      NodeList as = g.getElementsByTagNameNS("*", "a");
      String href = as.getLength() == 0 ? null : ((Element) as.item(0)).getAttributeNS(XLINK, "href");
      Element text = (Element) texts.item(0);
      Element shape = (Element) g.getElementsByTagNameNS("*", "path").item(0);
      out.put(g.getAttribute("id"), new Box(lines, href, Double.parseDouble(text.getAttribute("x")),
          Double.parseDouble(text.getAttribute("y")), shape.getAttribute("stroke-width")));
    }
    return out;
  }

  private record Box(List<String> lines, String href, double x, double y, String strokeWidth) {}
}
