package org.headwater.pipeline.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one entry of a recipe's {@code sources}. */
final class SourceParser {
  private static final Set<String> FIELDS =
      Set.of(
          "name", "url", "file_type", "source_of_truth", "dimensions", "sha256", "missing",
          "auth_env", "options");
  private static final Set<String> DIMENSION = Set.of("name", "kind", "keys", "range", "new");
  private static final Set<String> RANGE = Set.of("start", "end", "step");
  private static final Set<String> TYPES = Set.of("netcdf", "zarr", "csv");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?}");

  private SourceParser() {}

  static SourceSpec parse(YamlNode node, Map<String, String> params, String defaultName) {
    Map<String, YamlNode> f = node.mapWithKeys(FIELDS);
    String name =
        f.containsKey("name")
            ? f.get("name").string()
            : defaultName != null ? defaultName : null;
    if (name == null) {
      throw node.error("each of several sources needs a 'name'");
    }
    YamlNode urlNode = RecipeParser.required(node, f, "url");
    List<DimensionSpec> dims = new ArrayList<>();
    if (f.containsKey("dimensions")) {
      for (YamlNode d : f.get("dimensions").list()) {
        dims.add(dimension(d));
      }
    }
    long concat = dims.stream().filter(d -> d.kind() == DimensionSpec.Kind.CONCAT).count();
    if (concat > 1) {
      throw f.get("dimensions").error("at most one concat dimension per source; found " + concat);
    }
    String url = substituteParams(urlNode, urlNode.string(), params, dims);
    String type = f.containsKey("file_type") ? f.get("file_type").string() : guessType(url);
    if (!TYPES.contains(type)) {
      throw (f.containsKey("file_type") ? f.get("file_type") : urlNode)
          .error(
              "file type '" + type + "' is not supported; set file_type to one of " + TYPES);
    }
    if (!url.matches("(?i)(https?|file):.*|s3://[^/{}]+/.*")) {
      throw urlNode.error("'" + url + "' is not an http(s):, file: or s3://bucket/key URL");
    }
    Map<String, String> sha = new LinkedHashMap<>();
    if (f.containsKey("sha256")) {
      YamlNode s = f.get("sha256");
      if (s.isScalar()) {
        sha.put("*", hex(s));
      } else {
        s.map().forEach((k, v) -> sha.put(k, hex(v)));
      }
    }
    SourceSpec.MissingPolicy missing = SourceSpec.MissingPolicy.FAIL;
    if (f.containsKey("missing")) {
      String m = f.get("missing").string();
      try {
        missing = SourceSpec.MissingPolicy.valueOf(m.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw f.get("missing").error("missing-file policy must be 'fail' or 'skip', found '" + m + "'");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> options =
        f.containsKey("options") ? (Map<String, Object>) f.get("options").plain() : Map.of();
    return new SourceSpec(
        name,
        url,
        type,
        f.containsKey("source_of_truth") ? f.get("source_of_truth").string() : null,
        dims,
        sha,
        missing,
        f.containsKey("auth_env") ? f.get("auth_env").string() : null,
        options);
  }

  private static DimensionSpec dimension(YamlNode d) {
    Map<String, YamlNode> f = d.mapWithKeys(DIMENSION);
    String name = RecipeParser.required(d, f, "name").string();
    String kindText = f.containsKey("kind") ? f.get("kind").string() : "concat";
    DimensionSpec.Kind kind;
    try {
      kind = DimensionSpec.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw f.get("kind").error("kind must be 'concat' or 'merge', found '" + kindText + "'");
    }
    List<String> keys = new ArrayList<>();
    if (f.containsKey("keys") == f.containsKey("range")) {
      throw d.error("give the dimension's keys either as 'keys: [...]' or as 'range: {start, end}'");
    }
    if (f.containsKey("keys")) {
      for (YamlNode k : f.get("keys").list()) {
        keys.add(k.string());
      }
    } else {
      YamlNode r = f.get("range");
      Map<String, YamlNode> rf = r.mapWithKeys(RANGE);
      int start = RecipeParser.required(r, rf, "start").integer();
      int end = RecipeParser.required(r, rf, "end").integer();
      int step = rf.containsKey("step") ? rf.get("step").integer() : 1;
      if (step < 1 || end < start) {
        throw r.error("a range needs start <= end and step >= 1 (end is included)");
      }
      for (int i = start; i <= end; i += step) {
        keys.add(Integer.toString(i));
      }
    }
    if (keys.isEmpty()) {
      throw d.error("dimension '" + name + "' has no keys");
    }
    boolean isNew = f.containsKey("new") && f.get("new").bool();
    if (isNew && kind != DimensionSpec.Kind.CONCAT) {
      throw f.get("new").error("only a concat dimension can be new");
    }
    return new DimensionSpec(name, kind, keys, isNew);
  }

  private static String substituteParams(
      YamlNode where, String template, Map<String, String> params, List<DimensionSpec> dims) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      boolean isDim = dims.stream().anyMatch(d -> d.name().equals(key));
      String replacement;
      if (isDim) {
        replacement = m.group();
      } else if (params.containsKey(key)) {
        replacement = params.get(key);
      } else {
        throw where.error(unknownPlaceholder(m.group(), key, m.group(2), template, dims));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    for (DimensionSpec d : dims) {
      if (!inTemplate(out, d)) {
        throw where.error(
            "dimension '" + d.name() + "' does not appear as {" + d.name() + "} in the URL; put {"
                + d.name() + "} (or e.g. {" + d.name() + ":02d}) where its key goes, or remove the"
                + " dimension");
      }
    }
    return out.toString();
  }

  private static boolean inTemplate(CharSequence template, DimensionSpec d) {
    return Pattern.compile("\\{" + Pattern.quote(d.name()) + "(:[^}]*)?}").matcher(template).find();
  }

  /**
   * The error for a placeholder that names nothing. A dimension's name is its placeholder, so
   * when a declared dimension is missing from the URL the fix is to write its name there (the
   * dimension's name is also the dataset's, which outputs may use, so it is the URL that changes).
   */
  private static String unknownPlaceholder(
      String placeholder, String key, String format, String template, List<DimensionSpec> dims) {
    String fmt = format == null ? "" : format;
    List<String> unused =
        dims.stream().filter(d -> !inTemplate(template, d)).map(DimensionSpec::name).toList();
    String head = "placeholder " + placeholder + " in the URL is neither a dimension nor a parameter";
    if (unused.size() == 1) {
      return head + "; dimension '" + unused.get(0) + "' is declared but not in the URL, and a"
          + " dimension's placeholder is its name: write {" + unused.get(0) + fmt + "} instead of "
          + placeholder;
    }
    if (unused.size() > 1) {
      return head + "; dimensions " + unused + " are declared but not in the URL, and a"
          + " dimension's placeholder is its name: write one of "
          + unused.stream().map(u -> "{" + u + fmt + "}").toList() + " instead of " + placeholder;
    }
    return head + "; declare a dimension named '" + key + "' under 'dimensions' (- {name: " + key
        + ", keys: [...]}) or a parameter '" + key + "' under 'params'";
  }

  private static String guessType(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.endsWith(".zarr") || u.endsWith(".zarr/")) {
      return "zarr";
    }
    if (u.matches(".*\\.(csv|tsv|txt)(\\.gz)?$")) {
      return "csv";
    }
    return "netcdf";
  }

  private static String hex(YamlNode n) {
    String s = n.string().trim().toLowerCase(Locale.ROOT);
    if (!s.matches("[0-9a-f]{64}")) {
      throw n.error("expected a SHA-256 as 64 hexadecimal digits, found '" + s + "'");
    }
    return s;
  }
}
