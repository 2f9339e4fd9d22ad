package org.headwater.web.page;

import java.util.ArrayList;
import java.util.List;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.publish.cite.Citation;
import org.headwater.publish.cite.Citations.Format;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.web.view.DatasetView;
import org.headwater.web.view.RunSummary;

/**
 * A dataset's citation in the four formats of {@code headwater cite}, made from what the store
 * recorded (the recipe's title and creators, the run's end, the DOI it was published under).
 * An unpublished dataset is cited by its run's IRI.
 */
final class Citations {
  /** The publisher named for a dataset the store holds (the store does not record the archive). */
  static final String PUBLISHER = "Headwater";

  private Citations() {}

  static List<DatasetView.Citation> of(RunSummary s, List<String> people, String license, String description) {
    String when = s.ended() != null ? s.ended() : s.started() != null ? s.started() : "0000";
    int year = Integer.parseInt(when.substring(0, 4));
    String date = when.length() >= 10 ? when.substring(0, 10) : null;
    Pid pid = s.doi() != null ? Pid.of("doi:" + s.doiName()) : Pid.of(ProvIris.run(s.id()));
    String url = s.doi() != null ? s.doi() : ProvIris.run(s.id());
    String spdx = license == null ? null : license.replaceFirst("^https?://spdx\\.org/licenses/", "");
    Citation c = new Citation(authors(people), year, date, s.title(), PUBLISHER, pid, url, spdx, List.of(),
        description);
    List<DatasetView.Citation> out = new ArrayList<>();
    out.add(citation(c, Format.TEXT, "Text"));
    out.add(citation(c, Format.BIBTEX, "BibTeX"));
    out.add(citation(c, Format.CFF, "CITATION.cff"));
    out.add(citation(c, Format.DATACITE, "DataCite XML"));
    return out;
  }

  private static DatasetView.Citation citation(Citation c, Format f, String name) {
    String id = f.name().toLowerCase(java.util.Locale.ROOT);
    return new DatasetView.Citation(id, name, org.headwater.publish.cite.Citations.format(c, f).stripTrailing());
  }

  /** {@code Ada King Lovelace} → given {@code Ada King}, family {@code Lovelace}. */
  static List<Citation.Author> authors(List<String> names) {
    List<Citation.Author> authors = new ArrayList<>();
    for (String name : names) {
      String n = name.strip();
      int space = n.lastIndexOf(' ');
      authors.add(space < 0
          ? new Citation.Author(null, n, null, null, null)
          : new Citation.Author(n.substring(0, space), n.substring(space + 1), null, null, null));
    }
    return authors;
  }
}
