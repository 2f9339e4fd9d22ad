package org.headwater.publish.cite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a Citation File Format 1.2.0 document ({@code CITATION.cff}) of type dataset. */
public final class CitationCff {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private CitationCff() {}

  public static String write(Citation c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("cff-version", "1.2.0");
    doc.put("message", "If you use this dataset, please cite it as below.");
    doc.put("type", "dataset");
    doc.put("title", c.title());
    List<Map<String, Object>> authors = new ArrayList<>();
    for (Citation.Author a : c.authors()) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (a.given() == null) {
        m.put("name", a.family());
      } else {
        m.put("family-names", a.family());
        m.put("given-names", a.given());
      }
      putIf(m, "affiliation", a.affiliation());
      putIf(m, "email", a.email());
      putIf(m, "orcid", a.orcid());
      authors.add(m);
    }
    if (authors.isEmpty()) {
      authors.add(Map.of("name", c.publisher()));
    }
    doc.put("authors", authors);
    putIf(doc, "abstract", c.abstractText());
    if (c.identifier().isDoi()) {
      doc.put("doi", c.identifier().doi());
    } else {
      doc.put("identifiers", List.of(Map.of("type", "other", "value", c.citeId(),
          "description", "DataONE PID at " + c.publisher())));
    }
    putIf(doc, "url", c.url());
    putIf(doc, "repository", c.publisher().equals("Arctic Data Center") ? "https://arcticdata.io" : null);
    putIf(doc, "date-released", c.date());
    putIf(doc, "license", c.license());
    if (!c.keywords().isEmpty()) {
      doc.put("keywords", c.keywords());
    }
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putIf(Map<String, Object> m, String k, Object v) {
    if (v != null && !v.toString().isBlank()) {
      m.put(k, v);
    }
  }
}
