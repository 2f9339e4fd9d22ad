package org.headwater.publish.cite;

import org.headwater.provenance.Plural;
import java.util.Locale;
import java.util.stream.Collectors;
import org.headwater.publish.PublishException;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.ore.ResourceMapReader;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;

/**
 * Formats citations and reads them back from what a node holds.
 *
 * <pre>{@code
 * Citation c = Citations.lookup(node, "doi:10.5072/FK2ABCDEFG");
 * System.out.println(Citations.format(c, Citations.Format.TEXT));
 * // Lovelace, A., Babbage, C. 2025. Greenland surface speed. Arctic Data Center. doi:10.5072/FK2ABCDEFG
 * }</pre>
 */
public final class Citations {
  private static final long MAX_DOC = 32L << 20;

  /** The output formats of {@code headwater cite}. */
  public enum Format {
    TEXT,
    BIBTEX,
    CFF,
    DATACITE;

    /** Parses {@code text}, {@code bibtex}, {@code cff} or {@code datacite}. */
    public static Format parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("format must be text, bibtex, cff or datacite, got '" + s + "'", e);
      }
    }
  }

  private Citations() {}

  /** The citation in {@code format}. */
  public static String format(Citation c, Format format) {
    return switch (format) {
      case TEXT -> text(c);
      case BIBTEX -> bibtex(c);
      case CFF -> CitationCff.write(c);
      case DATACITE -> DataCiteXml.write(c);
    };
  }

  /** {@code Authors. Year. Title. Archive. doi:...} */
  public static String text(Citation c) {
    String authors = c.authors().stream().map(Citation.Author::initialsName).collect(Collectors.joining(", "));
    return (authors.isEmpty() ? "" : stripDot(authors) + ". ") + c.year() + ". " + stripDot(c.title()) + ". "
        + stripDot(c.publisher()) + ". " + c.citeId();
  }

  /** A BibTeX {@code @misc} entry (the type DataCite exports for datasets). */
  public static String bibtex(Citation c) {
    String key = (c.authors().isEmpty() ? "dataset" : c.authors().get(0).family().replaceAll("[^A-Za-z0-9]", ""))
        + c.year();
    StringBuilder sb = new StringBuilder("@misc{").append(key).append(",\n");
    field(sb, "author", c.authors().stream()
        .map(a -> a.given() == null ? "{" + bib(a.family()) + "}" : bib(a.family()) + ", " + bib(a.given()))
        .collect(Collectors.joining(" and ")));
    field(sb, "title", "{" + bib(c.title()) + "}");
    field(sb, "publisher", bib(c.publisher()));
    field(sb, "year", Integer.toString(c.year()));
    if (c.identifier().isDoi()) {
      field(sb, "doi", c.identifier().doi());
      field(sb, "url", "https://doi.org/" + c.identifier().doi());
    } else {
      field(sb, "note", "PID: " + bib(c.citeId()));
      if (c.url() != null) {
        field(sb, "url", c.url());
      }
    }
    field(sb, "howpublished", "Dataset");
    sb.setLength(sb.length() - 2);
    return sb.append("\n}\n").toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  private static String bib(String s) {
    return s.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
        .replace("&", "\\&").replace("%", "\\%").replace("$", "\\$").replace("#", "\\#").replace("_", "\\_");
  }

  private static String stripDot(String s) {
    String t = s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /** The citation an EML document states (title, creators, pubDate, publisher, license). */
  public static Citation fromEml(byte[] eml, Pid pid, String fallbackPublisher, String url) {
    return EmlCitations.read(eml, pid, fallbackPublisher, url);
  }

  /**
   * Reads the citation of a published package from a node: {@code pidOrDoi} may be the metadata
   * PID/DOI (in any of the forms {@link Pid#parseUserInput} accepts) or the resource map PID.
   */
  public static Citation lookup(MemberNode node, String pidOrDoi) {
    Pid pid = Pid.parseUserInput(pidOrDoi);
    SystemMetadata sm = node.getSystemMetadata(pid);
    if (FormatIds.ORE.equals(sm.formatId())) {
      var contents = ResourceMapReader.read(node.get(pid, MAX_DOC), "resource map " + pid);
      if (contents.metadata().size() != 1) {
        throw new PublishException("resource map " + pid + " documents "
            + Plural.count(contents.metadata().size(), "metadata object") + "; cite one of " + contents.metadata());
      }
      pid = Pid.of(contents.metadata().iterator().next());
      sm = node.getSystemMetadata(pid);
    }
    if (!sm.formatId().startsWith("https://eml.ecoinformatics.org/")
        && !sm.formatId().startsWith("eml://ecoinformatics.org/")) {
      throw new PublishException(pid + " is " + sm.formatId()
          + ", not EML metadata or a resource map: cite the package's metadata PID, DOI or resource map");
    }
    String publisher = node.node().name();
    return EmlCitations.read(node.get(pid, MAX_DOC), pid, publisher, node.resolveUrl(pid));
  }
}
