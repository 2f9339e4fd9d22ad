package org.headwater.publish.cite;

import java.util.List;
import java.util.Objects;
import org.headwater.publish.sysmeta.Pid;

/**
 * What is needed to cite a published dataset.
 *
 * @param authors the creators, in order
 * @param year the publication year
 * @param date the publication date ({@code YYYY-MM-DD}), or null
 * @param title the dataset title
 * @param publisher the archive, e.g. {@code Arctic Data Center}
 * @param identifier the metadata PID (a DOI when one was minted)
 * @param url where it resolves
 * @param license SPDX id, or null
 * @param keywords keywords
 * @param abstractText the abstract, or null
 */
public record Citation(
    List<Author> authors,
    int year,
    String date,
    String title,
    String publisher,
    Pid identifier,
    String url,
    String license,
    List<String> keywords,
    String abstractText) {

  public Citation {
    authors = List.copyOf(authors);
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(identifier, "identifier");
  }

  /**
   * A person (or, with no given name, an organisation) credited as author.
   *
   * @param given given names, or null
   * @param family family name (or the organisation's name)
   * @param orcid ORCID IRI, or null
   * @param affiliation institution, or null
   * @param email address, or null
   */
  public record Author(String given, String family, String orcid, String affiliation, String email) {
    public Author {
      Objects.requireNonNull(family, "family");
    }

    /** {@code Lovelace, A. K.} style. */
    String initialsName() {
      if (given == null || given.isBlank()) {
        return family;
      }
      StringBuilder sb = new StringBuilder(family).append(',');
      for (String g : given.split("[\\s-]+")) {
        if (!g.isEmpty()) {
          sb.append(' ').append(g.charAt(0)).append('.');
        }
      }
      return sb.toString();
    }
  }

  /** The identifier as people cite it: {@code doi:10...} or the PID. */
  public String citeId() {
    return identifier.value();
  }
}
