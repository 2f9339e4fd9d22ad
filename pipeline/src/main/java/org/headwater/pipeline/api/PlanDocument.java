package org.headwater.pipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.headwater.pipeline.recipe.DimensionSpec;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.SourceSpec;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.Funding;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.Secrets;

/**
 * The plan of a pipeline written in code, as the recipe that does the same ({@code
 * docs/recipes.md}): written to the run's {@code recipe.yaml}, hashed to identify the plan in
 * provenance, archived by {@code publish}, and runnable with {@code headwater run} (a source whose
 * URL held a credential, which the plan shows as {@code REDACTED}, needs it put back, or given with
 * {@code auth_env}).
 */
final class PlanDocument {
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private PlanDocument() {}

  static String render(RecipeInfo info, List<SourceSpec> sources, List<StepSpec> steps,
      List<OutputSpec> outputs) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", info.id());
    put(doc, "title", info.title());
    put(doc, "description", info.description());
    put(doc, "license", info.license());
    if (!info.creators().isEmpty()) {
      doc.put("creators", info.creators().stream().map(PlanDocument::creator).toList());
    }
    if (!info.keywords().isEmpty()) {
      doc.put("keywords", info.keywords());
    }
    if (!info.funding().isEmpty()) {
      doc.put("funding", info.funding().stream().map(PlanDocument::funding).toList());
    }
    doc.put("sources", sources.stream().map(PlanDocument::source).toList());
    if (!steps.isEmpty()) {
      doc.put("steps", steps.stream().map(PlanDocument::step).toList());
    }
    doc.put("outputs", outputs.stream().map(PlanDocument::output).toList());
    try {
      return "# The plan of a Headwater pipeline written in code (org.headwater.pipeline.api),\n"
          + "# as the recipe that does the same: `headwater run` runs it.\n"
          + YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the plan of " + info.id() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> creator(Creator c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    put(m, "orcid", c.orcid());
    put(m, "affiliation", c.affiliation());
    put(m, "email", c.email());
    return m;
  }

  private static Map<String, Object> funding(Funding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "funder", f.funder());
    put(m, "award", f.award());
    put(m, "title", f.title());
    return m;
  }

  private static Map<String, Object> source(SourceSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("url", Secrets.redact(s.urlTemplate())); // a credential in a URL stays out of the plan (publish archives it)
    m.put("file_type", s.fileType());
    put(m, "source_of_truth", s.sourceOfTruth());
    if (!s.dimensions().isEmpty()) {
      List<Map<String, Object>> dims = new ArrayList<>();
      for (DimensionSpec d : s.dimensions()) {
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("name", d.name());
        dm.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (d.newDimension()) {
          dm.put("new", true);
        }
        dm.put("keys", d.keys());
        dims.add(dm);
      }
      m.put("dimensions", dims);
    }
    if (!s.sha256().isEmpty()) {
      m.put("sha256", sorted(s.sha256()));
    }
    if (s.missing() == SourceSpec.MissingPolicy.SKIP) {
      m.put("missing", "skip");
    }
    put(m, "auth_env", s.authEnv());
    if (!s.options().isEmpty()) {
      m.put("options", sorted(s.options()));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> step(StepSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", s.name());
    m.put("dataset", s.dataset());
    m.putAll((Map<String, Object>) sorted(s.parameters()));
    return m;
  }

  private static Map<String, Object> output(OutputSpec o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("dataset", o.dataset());
    m.put("format", o.format());
    if (!o.chunks().isEmpty()) {
      m.put("chunks", sorted(o.chunks()));
    }
    m.put("compressor", sorted(o.compressor()));
    m.put("path", o.path());
    if (o.location() != null) {
      m.put("location", o.location());
    }
    if (o.bands() != null) {
      m.put("bands", o.bands());
    }
    return m;
  }

  /**
   * Maps with their keys sorted, at every depth: {@code Map.of} and {@code Map.copyOf} iterate in
   * an order that changes from one JVM to the next, and the same pipeline must give the same plan.
   */
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(PlanDocument::sorted).toList();
    }
    return value;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
