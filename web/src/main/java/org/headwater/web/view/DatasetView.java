package org.headwater.web.view;

import java.util.List;

/**
 * Everything the dataset page shows: what one run made, as a citable dataset.
 *
 * @param summary id, title, DOI, times
 * @param description the recipe's description, or null
 * @param license the license IRI, or null
 * @param citations the citation in text, BibTeX, CFF and DataCite XML
 * @param outputs its files
 * @param variables their variables
 * @param sourceGroups the source files it came from, grouped by source of truth
 * @param picture the lineage picture (inline SVG drawn by picture.Picture), or null
 * @param pictureNote why there is no picture, or null
 * @param stale warnings that a source has changed since
 * @param derived datasets made from this one
 */
public record DatasetView(
    RunSummary summary,
    String description,
    String license,
    List<Citation> citations,
    List<OutputFile> outputs,
    List<VariableRow> variables,
    List<SourceGroup> sourceGroups,
    String picture,
    String pictureNote,
    List<String> stale,
    List<RunSummary> derived) {
  public DatasetView {
    citations = List.copyOf(citations);
    outputs = List.copyOf(outputs);
    variables = List.copyOf(variables);
    sourceGroups = List.copyOf(sourceGroups);
    stale = List.copyOf(stale);
    derived = List.copyOf(derived);
  }

  /** One citation format: its id (for the copy button), name and text. */
  public record Citation(String id, String name, String text) {}
}
