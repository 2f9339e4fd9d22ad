package org.headwater.pipeline.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with its position, so every recipe error can say {@code file:line:column}.
 */
final class YamlNode {
  private final String file;
  private final String path;
  private final Node node;

  YamlNode(String file, String path, Node node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  String path() {
    return path;
  }

  /** {@code file:line:column} of this node (1-based). */
  String where() {
    Mark m = node.getStartMark();
    return file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
  }

  RecipeSyntaxException error(String message) {
    return new RecipeSyntaxException(where() + ": " + path + ": " + message);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  boolean isList() {
    return node instanceof SequenceNode;
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** The entries of a mapping, in file order; fails on anything else. */
  Map<String, YamlNode> map() {
    if (!(node instanceof MappingNode m)) {
      throw error("expected a mapping (key: value lines)");
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YamlNode(file, path, t.getKeyNode()).error("keys must be plain words");
      }
      String key = k.getValue();
      if (out.containsKey(key)) {
        throw new YamlNode(file, path, k).error("key '" + key + "' appears twice");
      }
      out.put(key, new YamlNode(file, child(key), t.getValueNode()));
    }
    return out;
  }

  /** The mapping, after checking that it only has keys from {@code allowed}. */
  Map<String, YamlNode> mapWithKeys(Set<String> allowed) {
    Map<String, YamlNode> entries = map();
    for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue()
            .error("unknown field '" + e.getKey() + "'; allowed: " + new TreeSet<>(allowed));
      }
    }
    return entries;
  }

  List<YamlNode> list() {
    if (!(node instanceof SequenceNode s)) {
      throw error("expected a list (lines starting with '- ')");
    }
    List<YamlNode> out = new ArrayList<>();
    for (int i = 0; i < s.getValue().size(); i++) {
      out.add(new YamlNode(file, path + "[" + i + "]", s.getValue().get(i)));
    }
    return out;
  }

  /** A list, or a single scalar treated as a list of one. */
  List<YamlNode> listOrOne() {
    return isList() ? list() : List.of(this);
  }

  String string() {
    if (!(node instanceof ScalarNode s)) {
      throw error("expected a single value");
    }
    return s.getValue();
  }

  int integer() {
    String s = string();
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw error("expected a whole number, found '" + s + "'");
    }
  }

  boolean bool() {
    String s = string().trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("yes")) {
      return true;
    }
    if (s.equals("false") || s.equals("no")) {
      return false;
    }
    throw error("expected true or false, found '" + s + "'");
  }

  /** The node as plain Java: String, Long, Double, Boolean, null, List or Map. */
  Object plain() {
    if (node instanceof ScalarNode s) {
      Tag tag = s.getTag();
      String v = s.getValue();
      if (Tag.INT.equals(tag)) {
        long l = Long.parseLong(v.replace("_", ""));
        return l == (int) l ? (Object) (int) l : (Object) l;
      }
      if (Tag.FLOAT.equals(tag)) {
        String t = v.toLowerCase(java.util.Locale.ROOT);
        if (t.equals(".nan")) {
          return Double.NaN;
        }
        if (t.endsWith(".inf")) {
          return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(v);
      }
      if (Tag.BOOL.equals(tag)) {
        return bool();
      }
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      return v;
    }
    if (isList()) {
      List<Object> out = new ArrayList<>();
      for (YamlNode n : list()) {
        out.add(n.plain());
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : map().entrySet()) {
      out.put(e.getKey(), e.getValue().plain());
    }
    return out;
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
