package org.headwater.publish.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.headwater.publish.internal.XmlIn;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.Test;

class CitationsTest {
  private static final Citation DOI = new Citation(
      List.of(new Citation.Author("Ada King", "Lovelace", Fixtures.ORCID, "Engines & Co", "ada@example.org"),
          new Citation.Author(null, "Arctic Team", null, null, null)),
      2025, "2025-03-04", "Speed {of} ice_50%", "Arctic Data Center", Pid.of("doi:10.18739/A2XYZ"),
      "https://doi.org/10.18739/A2XYZ", "CC-BY-4.0", List.of("ice"), "Abstract.");
  private static final Citation UUID = new Citation(List.of(new Citation.Author("Ada", "Lovelace", null, null, null)),
      2024, null, "Title.", "Headwater local archive", Pid.of("urn:uuid:1"), "file:///a", null, List.of(), null);

  @Test
  void textIsAuthorsYearTitleArchiveId() {
    assertThat(Citations.format(DOI, Citations.Format.TEXT))
        .isEqualTo("Lovelace, A. K., Arctic Team. 2025. Speed {of} ice_50%. Arctic Data Center. doi:10.18739/A2XYZ");
    assertThat(Citations.text(UUID)).isEqualTo("Lovelace, A. 2024. Title. Headwater local archive. urn:uuid:1");
  }

  @Test
  void bibtexEscapesAndCarriesTheDoi() {
    String b = Citations.format(DOI, Citations.Format.BIBTEX);
    assertThat(b).startsWith("@misc{Lovelace2025,\n").contains("author = {Lovelace, Ada King and {Arctic Team}}",
        "title = {{Speed \\{of\\} ice\\_50\\%}}", "doi = {10.18739/A2XYZ}", "year = {2025}").endsWith("}\n");
    assertThat(Citations.bibtex(UUID)).contains("note = {PID: urn:uuid:1}", "url = {file:///a}");
  }

  @Test
  void cffIsVersion120WithDoiAndOrcid() {
    String cff = Citations.format(DOI, Citations.Format.CFF);
    assertThat(cff).startsWith("cff-version: 1.2.0\n").contains("type: dataset", "doi: 10.18739/A2XYZ",
        "family-names: Lovelace", "given-names: Ada King", "orcid: " + Fixtures.ORCID, "- name: Arctic Team",
        "license: CC-BY-4.0", "date-released: 2025-03-04", "message: ", "title: ");
    assertThat(Citations.format(UUID, Citations.Format.CFF)).contains("identifiers:", "value: urn:uuid:1")
        .doesNotContain("doi:");
  }

  @Test
  void dataciteIsKernel4Xml() {
    String x = Citations.format(DOI, Citations.Format.DATACITE);
    var root = XmlIn.parse(x.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://datacite.org/schema/kernel-4");
    assertThat(XmlIn.childText(root, "identifier")).isEqualTo("10.18739/A2XYZ");
    assertThat(XmlIn.childText(root, "publicationYear")).isEqualTo("2025");
    assertThat(x).contains("nameIdentifierScheme=\"ORCID\"", "resourceTypeGeneral=\"Dataset\"", "Engines &amp; Co");
  }

  @Test
  void parsesFormatNames() {
    assertThat(Citations.Format.parse("BibTeX")).isEqualTo(Citations.Format.BIBTEX);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Citations.Format.parse("ris"))
        .hasMessageContaining("text, bibtex, cff or datacite");
  }

  @Test
  void normalisesDoiInput() {
    assertThat(Pid.parseUserInput("https://doi.org/10.5072/FK2A")).isEqualTo(Pid.of("doi:10.5072/FK2A"));
    assertThat(Pid.parseUserInput("10.5072/FK2A")).isEqualTo(Pid.of("doi:10.5072/FK2A"));
    assertThat(Pid.parseUserInput("urn:uuid:1")).isEqualTo(Pid.of("urn:uuid:1"));
  }
}
