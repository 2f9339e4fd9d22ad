package org.headwater.pipeline.combine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.recipe.DimensionSpec;
import org.headwater.pipeline.recipe.SourceSpec;

/**
 * Expands a source's URL template over its dimensions' keys, pangeo-forge style: one file per
 * combination, concat keys outermost, in declared order.
 *
 * <p>Placeholders are {@code {name}} or {@code {name:FORMAT}} with a Python-style integer format
 * such as {@code 02d} or {@code 4d}.
 */
public final class Patterns {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

  private Patterns() {}

  /** The files of a source; with {@code prune > 0}, only the first {@code prune}. */
  public static List<FileItem> expand(SourceSpec source, int prune) {
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    List<DimensionSpec> ordered = new ArrayList<>();
    source.concatDimension().ifPresent(ordered::add);
    source.dimensions().stream()
        .filter(d -> d.kind() == DimensionSpec.Kind.MERGE)
        .forEach(ordered::add);
    for (DimensionSpec d : ordered) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> c : combos) {
        for (String k : d.keys()) {
          Map<String, String> m = new LinkedHashMap<>(c);
          m.put(d.name(), k);
          next.add(m);
        }
      }
      combos = next;
    }
    String concat = source.concatDimension().map(DimensionSpec::name).orElse(null);
    List<String> concatKeys = source.concatDimension().map(DimensionSpec::keys).orElse(List.of());
    List<FileItem> out = new ArrayList<>();
    for (Map<String, String> keys : combos) {
      String url = render(source.urlTemplate(), keys);
      int position = concat == null ? 0 : concatKeys.indexOf(keys.get(concat));
      StringBuilder merge = new StringBuilder();
      for (DimensionSpec d : ordered) {
        if (d.kind() == DimensionSpec.Kind.MERGE) {
          merge.append(merge.length() == 0 ? "" : "/").append(keys.get(d.name()));
        }
      }
      out.add(new FileItem(source.name(), url, keys, position, merge.toString(), expected(source, url)));
      if (prune > 0 && out.size() == prune) {
        break;
      }
    }
    return out;
  }

  private static String expected(SourceSpec source, String url) {
    Map<String, String> sha = source.sha256();
    if (sha.containsKey(url)) {
      return sha.get(url);
    }
    String name = url.substring(url.lastIndexOf('/') + 1);
    if (sha.containsKey(name)) {
      return sha.get(name);
    }
    return sha.get("*");
  }

  /** Substitutes keys into a template. */
  static String render(String template, Map<String, String> keys) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = keys.get(m.group(1));
      if (value == null) {
        throw new RecipeException("URL template " + template + " has no key for {" + m.group(1) + "}");
      }
      String fmt = m.group(2);
      if (fmt != null && !fmt.isEmpty()) {
        value = format(template, m.group(1), fmt, value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String format(String template, String name, String fmt, String value) {
    if (!fmt.matches("0?\\d*d")) {
      throw new RecipeException(
          "URL template " + template + ": format '" + fmt + "' of {" + name
              + "} is not supported; use an integer format such as 02d");
    }
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new RecipeException(
          "URL template " + template + ": key '" + value + "' of {" + name
              + "} is not a whole number, so format " + fmt + " cannot apply");
    }
    return String.format("%" + fmt, n);
  }
}
