package org.headwater.pipeline.recipe;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.steps.Steps;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.Funding;
import org.headwater.provenance.record.RecipeInfo;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads recipe files (YAML) into validated {@link Recipe}s.
 *
 * <p>Every problem is reported as one {@link RecipeSyntaxException} whose message starts with
 * {@code file:line:column} and the field's path. The format is documented in {@code
 * docs/recipes.md}.
 */
public final class RecipeParser {
  private static final Set<String> TOP =
      Set.of(
          "id", "title", "description", "license", "creators", "keywords", "funding", "params",
          "sources", "steps", "outputs", "prune");
  private static final Set<String> CREATOR = Set.of("name", "orcid", "affiliation", "email");
  private static final Set<String> FUNDING = Set.of("funder", "award", "title");
  private static final Set<String> OUTPUT =
      Set.of("name", "dataset", "format", "chunks", "compressor", "path", "location", "bands");
  private static final Set<String> FORMATS = Set.of("zarr", "netcdf", "netcdf3", "netcdf4", "csv", "geotiff");

  private final Map<String, String> paramOverrides;

  private RecipeParser(Map<String, String> paramOverrides) {
    this.paramOverrides = Map.copyOf(paramOverrides);
  }

  /** A parser with no parameter overrides. */
  public static RecipeParser create() {
    return new RecipeParser(Map.of());
  }

  /** A parser whose values replace the recipe's {@code params} defaults. */
  public static RecipeParser withParams(Map<String, String> overrides) {
    return new RecipeParser(overrides);
  }

  /** Reads and validates a recipe file. */
  public Recipe parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RecipeSyntaxException("recipe file not found: " + file);
    } catch (IOException e) {
      throw new RecipeSyntaxException("cannot read recipe " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Validates recipe text; {@code fileName} is used in messages. */
  public Recipe parse(String fileName, String text) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var m = e.getProblemMark();
      throw new RecipeSyntaxException(
          fileName + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": not valid YAML: "
              + e.getProblem(),
          e);
    }
    if (root == null) {
      throw new RecipeSyntaxException(fileName + ": the recipe is empty");
    }
    YamlNode top = new YamlNode(fileName, "", root);
    Map<String, YamlNode> fields = top.mapWithKeys(TOP);
    String id = required(top, fields, "id").string();
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw fields.get("id").error("use letters, digits, '.', '_' and '-' only, found '" + id + "'");
    }
    Map<String, String> params = params(fields.get("params"));
    RecipeInfo info =
        new RecipeInfo(
            id,
            Hashing.sha256Hex(text.getBytes(StandardCharsets.UTF_8)),
            "recipe.yaml",
            optional(fields, "title", id),
            optional(fields, "description", null),
            optional(fields, "license", null),
            creators(fields.get("creators")),
            strings(fields.get("keywords")),
            funding(fields.get("funding")));
    List<SourceSpec> sources = new ArrayList<>();
    YamlNode sourcesNode = required(top, fields, "sources");
    Set<String> names = new HashSet<>();
    for (YamlNode s : sourcesNode.listOrOne()) {
      SourceSpec spec = SourceParser.parse(s, params, sourcesNode.isList() ? null : "data");
      if (!names.add(spec.name())) {
        throw s.error("two sources are named '" + spec.name() + "'; give each a unique name");
      }
      sources.add(spec);
    }
    List<StepSpec> steps = steps(fields.get("steps"), sources);
    List<OutputSpec> outputs = outputs(required(top, fields, "outputs"), sources);
    int prune = fields.containsKey("prune") ? fields.get("prune").integer() : 0;
    if (prune < 0) {
      throw fields.get("prune").error("prune must be 0 (all items) or more, found " + prune);
    }
    return new Recipe(info, fileName, text, sources, steps, outputs, prune);
  }

  private Map<String, String> params(YamlNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null) {
      node.map().forEach((k, v) -> out.put(k, v.string()));
    }
    for (Map.Entry<String, String> e : paramOverrides.entrySet()) {
      if (!out.containsKey(e.getKey())) {
        throw new RecipeSyntaxException(
            "--param " + e.getKey() + ": the recipe declares no such parameter; declared: "
                + out.keySet());
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static List<Creator> creators(YamlNode node) {
    List<Creator> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (YamlNode c : node.list()) {
      Map<String, YamlNode> f = c.mapWithKeys(CREATOR);
      String orcid = f.containsKey("orcid") ? Orcids.normalize(f.get("orcid")) : null;
      out.add(
          new Creator(
              required(c, f, "name").string(),
              orcid,
              f.containsKey("affiliation") ? f.get("affiliation").string() : null,
              f.containsKey("email") ? f.get("email").string() : null));
    }
    return out;
  }

  private static List<Funding> funding(YamlNode node) {
    List<Funding> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (YamlNode c : node.list()) {
      Map<String, YamlNode> f = c.mapWithKeys(FUNDING);
      out.add(
          new Funding(
              required(c, f, "funder").string(),
              f.containsKey("award") ? f.get("award").string() : null,
              f.containsKey("title") ? f.get("title").string() : null));
    }
    return out;
  }

  private static List<StepSpec> steps(YamlNode node, List<SourceSpec> sources) {
    List<StepSpec> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (YamlNode s : node.list()) {
      Map<String, YamlNode> f = s.map();
      if (!f.containsKey("step")) {
        throw s.error("each step needs 'step: NAME'; known steps: " + Steps.names());
      }
      String name = f.get("step").string();
      String dataset = datasetOf(s, f, sources);
      Map<String, Object> params = new LinkedHashMap<>();
      f.forEach(
          (k, v) -> {
            if (!k.equals("step") && !k.equals("dataset")) {
              params.put(k, v.plain());
            }
          });
      StepSpec spec = new StepSpec(out.size(), name, dataset, params, s.where());
      try {
        Steps.check(spec);
      } catch (IllegalArgumentException e) {
        throw s.error(e.getMessage());
      }
      out.add(spec);
    }
    return out;
  }

  private static List<OutputSpec> outputs(YamlNode node, List<SourceSpec> sources) {
    List<OutputSpec> out = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (YamlNode o : node.list()) {
      Map<String, YamlNode> f = o.mapWithKeys(OUTPUT);
      String name = required(o, f, "name").string();
      String format = required(o, f, "format").string();
      if (!FORMATS.contains(format)) {
        throw f.get("format").error("unknown format '" + format + "'; use one of " + FORMATS);
      }
      if (format.equals("netcdf")) {
        format = "netcdf3";
      }
      String dataset = datasetOf(o, f, sources);
      Map<String, Integer> chunks = new LinkedHashMap<>();
      if (f.containsKey("chunks")) {
        for (Map.Entry<String, YamlNode> c : f.get("chunks").map().entrySet()) {
          int n = c.getValue().integer();
          if (n < 1) {
            throw c.getValue().error("a chunk length must be at least 1, found " + n);
          }
          chunks.put(c.getKey(), n);
        }
      }
      Map<String, Object> compressor = compressor(f.get("compressor"));
      String ext = switch (format) {
        case "zarr" -> ".zarr";
        case "csv" -> ".csv";
        case "geotiff" -> ""; // a folder of .tif files
        default -> ".nc";
      };
      String path = f.containsKey("path") ? f.get("path").string() : name + ext;
      OutputPaths.check(f.containsKey("path") ? f.get("path") : o, path);
      if (!paths.add(path)) {
        throw o.error("two outputs write '" + path + "'; give each its own name or path");
      }
      String location = f.containsKey("location") ? OutputLocations.check(f.get("location")) : null;
      String bands = f.containsKey("bands") ? f.get("bands").string() : null;
      if (bands != null && !format.equals("geotiff")) {
        throw f.get("bands").error("'bands' is for format: geotiff only; remove it");
      }
      out.add(new OutputSpec(name, dataset, format, chunks, compressor, path, location, bands));
    }
    if (out.isEmpty()) {
      throw node.error("a recipe needs at least one output");
    }
    return out;
  }

  private static Map<String, Object> compressor(YamlNode node) {
    if (node == null) {
      return Map.of("id", "zlib", "level", 4);
    }
    if (node.isScalar()) {
      return Map.of("id", node.string());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) node.plain();
    if (!m.containsKey("id")) {
      throw node.error("a compressor needs 'id' (zlib, zstd, blosc or none)");
    }
    return m;
  }

  private static String datasetOf(YamlNode where, Map<String, YamlNode> f, List<SourceSpec> srcs) {
    if (f.containsKey("dataset")) {
      String d = f.get("dataset").string();
      if (srcs.stream().noneMatch(s -> s.name().equals(d))) {
        throw f.get("dataset")
            .error(
                "no source named '" + d + "'; sources: "
                    + srcs.stream().map(SourceSpec::name).toList());
      }
      return d;
    }
    if (srcs.size() > 1) {
      throw where.error(
          "the recipe has several sources; say which with 'dataset: NAME' (one of "
              + srcs.stream().map(SourceSpec::name).toList() + ")");
    }
    return srcs.get(0).name();
  }

  static YamlNode required(YamlNode parent, Map<String, YamlNode> fields, String key) {
    YamlNode n = fields.get(key);
    if (n == null) {
      throw parent.error("missing required field '" + key + "'");
    }
    return n;
  }

  private static String optional(Map<String, YamlNode> fields, String key, String fallback) {
    return fields.containsKey(key) ? fields.get(key).string() : fallback;
  }

  private static List<String> strings(YamlNode node) {
    List<String> out = new ArrayList<>();
    if (node != null) {
      for (YamlNode n : node.listOrOne()) {
        out.add(n.string());
      }
    }
    return out;
  }
}
