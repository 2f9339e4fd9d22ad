package org.headwater.publish.cite;

import static org.headwater.publish.internal.XmlIn.child;
import static org.headwater.publish.internal.XmlIn.childText;
import static org.headwater.publish.internal.XmlIn.children;

import java.util.ArrayList;
import java.util.List;
import org.headwater.publish.internal.XmlIn;
import org.headwater.publish.sysmeta.Pid;
import org.w3c.dom.Element;

/** Reads a {@link Citation} back from an EML document. */
final class EmlCitations {
  private EmlCitations() {}

  static Citation read(byte[] eml, Pid pid, String fallbackPublisher, String url) {
    Element root = XmlIn.parse(eml).getDocumentElement();
    Element ds = child(root, "dataset");
    if (ds == null) {
      throw new IllegalArgumentException("EML of " + pid + " has no <dataset>");
    }
    List<Citation.Author> authors = new ArrayList<>();
    for (Element c : children(ds, "creator")) {
      Element ind = child(c, "individualName");
      String orcid = null;
      for (Element u : children(c, "userId")) {
        if (u.getAttribute("directory").contains("orcid")) {
          orcid = u.getTextContent().strip();
        }
      }
      String org = childText(c, "organizationName");
      String email = childText(c, "electronicMailAddress");
      if (ind != null) {
        List<String> given = children(ind, "givenName").stream().map(e -> e.getTextContent().strip()).toList();
        authors.add(new Citation.Author(given.isEmpty() ? null : String.join(" ", given),
            childText(ind, "surName"), orcid, org, email));
      } else if (org != null) {
        authors.add(new Citation.Author(null, org, orcid, null, email));
      }
    }
    String pubDate = childText(ds, "pubDate");
    int year = pubDate != null && pubDate.length() >= 4 ? Integer.parseInt(pubDate.substring(0, 4)) : java.time.Year.now().getValue();
    Element pubEl = child(ds, "publisher");
    String publisher = pubEl == null ? null : childText(pubEl, "organizationName");
    Element lic = child(ds, "licensed");
    List<String> keywords = new ArrayList<>();
    for (Element set : children(ds, "keywordSet")) {
      children(set, "keyword").forEach(k -> keywords.add(k.getTextContent().strip()));
    }
    Element abs = child(ds, "abstract");
    String packageId = root.getAttribute("packageId");
    Pid id = packageId.isBlank() ? pid : Pid.of(packageId);
    return new Citation(authors, year, pubDate != null && pubDate.length() == 10 ? pubDate : null,
        childText(ds, "title"), publisher != null ? publisher : fallbackPublisher, id,
        id.isDoi() ? "https://doi.org/" + id.doi() : url,
        lic == null ? null : childText(lic, "identifier"), keywords,
        abs == null ? null : abs.getTextContent().strip().replaceAll("\\s+", " "));
  }
}
