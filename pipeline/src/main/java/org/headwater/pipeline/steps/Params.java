package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to a step's parameters, with errors that name the step and parameter. */
public final class Params {
  private final String step;
  private final Map<String, Object> values;

  public Params(String step, Map<String, Object> values) {
    this.step = step;
    this.values = values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Object raw(String key) {
    return values.get(key);
  }

  public String string(String key, String fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map || v instanceof List) {
      throw bad(key, "a single value", v);
    }
    return v.toString();
  }

  public double number(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw bad(key, "a number", v);
    }
  }

  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw bad(key, "true or false", v);
  }

  /** A list of strings; a single value counts as a list of one. */
  public List<String> strings(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map || o instanceof List) {
          throw bad(key, "a list of names", v);
        }
        out.add(o.toString());
      }
    } else if (v instanceof Map) {
      throw bad(key, "a list of names", v);
    } else {
      out.add(v.toString());
    }
    return out;
  }

  /** A mapping of names to text values. */
  public Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    map(key).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  /** A mapping of names to JSON-compatible values. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map)) {
      throw bad(key, "a mapping of name: value", v);
    }
    return (Map<String, Object>) v;
  }

  public IllegalArgumentException bad(String key, String expected, Object found) {
    return new IllegalArgumentException(
        "step '" + step + "' parameter '" + key + "': expected " + expected + ", found " + found);
  }
}
