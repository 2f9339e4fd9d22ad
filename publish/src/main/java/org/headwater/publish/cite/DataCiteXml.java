package org.headwater.publish.cite;

import org.headwater.publish.internal.XmlOut;

/** Writes DataCite Metadata Schema 4 XML for a citation. */
final class DataCiteXml {
  static final String NS = "http://datacite.org/schema/kernel-4";

  private DataCiteXml() {}

  static String write(Citation c) {
    XmlOut x = new XmlOut().root("", "resource", NS);
    if (c.identifier().isDoi()) {
      x.start("identifier").attr("identifierType", "DOI").text(c.identifier().doi()).end();
    } else {
      x.start("alternateIdentifiers").start("alternateIdentifier")
          .attr("alternateIdentifierType", "DataONE PID").text(c.citeId()).end().end();
    }
    x.start("creators");
    for (Citation.Author a : c.authors()) {
      x.start("creator");
      if (a.given() == null) {
        x.start("creatorName").attr("nameType", "Organizational").text(a.family()).end();
      } else {
        x.start("creatorName").attr("nameType", "Personal").text(a.family() + ", " + a.given()).end();
        x.leaf("givenName", a.given()).leaf("familyName", a.family());
      }
      if (a.orcid() != null) {
        x.start("nameIdentifier").attr("nameIdentifierScheme", "ORCID")
            .attr("schemeURI", "https://orcid.org").text(a.orcid()).end();
      }
      x.leaf("affiliation", a.affiliation());
      x.end();
    }
    x.end();
    x.start("titles").leaf("title", c.title()).end();
    x.leaf("publisher", c.publisher());
    x.leaf("publicationYear", c.year());
    x.start("resourceType").attr("resourceTypeGeneral", "Dataset").text("Dataset").end();
    if (!c.keywords().isEmpty()) {
      x.start("subjects");
      c.keywords().forEach(k -> x.leaf("subject", k));
      x.end();
    }
    if (c.date() != null) {
      x.start("dates").start("date").attr("dateType", "Issued").text(c.date()).end().end();
    }
    if (c.license() != null) {
      x.start("rightsList").start("rights").attr("rightsIdentifier", c.license())
          .attr("rightsIdentifierScheme", "SPDX").attr("rightsURI", "https://spdx.org/licenses/" + c.license() + ".html")
          .text(c.license()).end().end();
    }
    if (c.abstractText() != null) {
      x.start("descriptions").start("description").attr("descriptionType", "Abstract")
          .text(c.abstractText()).end().end();
    }
    return x.toXmlString();
  }
}
