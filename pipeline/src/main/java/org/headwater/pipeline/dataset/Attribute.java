package org.headwater.pipeline.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NetCDF-style attribute: a name, a type and one text value or one or more numbers.
 *
 * @param name the attribute name
 * @param type {@link DType#STRING} for text, otherwise the numeric type of the values
 * @param values one {@link String} for text, otherwise {@link Number}s
 */
public record Attribute(String name, DType type, List<Object> values) implements Serializable {

  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("attribute '" + name + "' has no value");
    }
  }

  /** A text attribute. */
  public static Attribute text(String name, String value) {
    return new Attribute(name, DType.STRING, List.of(value));
  }

  /** A numeric attribute of the given type. */
  public static Attribute numbers(String name, DType type, Number... values) {
    return new Attribute(name, type, List.of((Object[]) values));
  }

  /** An attribute from a JSON/YAML value: text, a number, or a list of numbers. */
  public static Attribute fromJson(String name, Object value) {
    if (value instanceof String s) {
      return text(name, s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return numbers(name, DType.INT32, ((Number) value).intValue());
    }
    if (value instanceof Number n) {
      return numbers(name, DType.FLOAT64, n.doubleValue());
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      boolean integral = list.stream().allMatch(v -> v instanceof Integer || v instanceof Long);
      List<Object> out = new ArrayList<>();
      for (Object v : list) {
        if (!(v instanceof Number n)) {
          throw new IllegalArgumentException(
              "attribute '" + name + "': a list value must hold only numbers, found " + v);
        }
        out.add(integral ? (Object) n.intValue() : (Object) n.doubleValue());
      }
      return new Attribute(name, integral ? DType.INT32 : DType.FLOAT64, out);
    }
    throw new IllegalArgumentException(
        "attribute '" + name + "': give text, a number or a list of numbers, found " + value);
  }

  public boolean isText() {
    return type == DType.STRING || type == DType.CHAR;
  }

  /** The text value; fails for numeric attributes. */
  public String text() {
    if (!isText()) {
      throw new IllegalStateException("attribute '" + name + "' is numeric, not text");
    }
    return (String) values.get(0);
  }

  /** The first value as a number, or null for text. */
  public Number number() {
    return isText() ? null : (Number) values.get(0);
  }

  /** The value as JSON-compatible Java: a String, a single Number, or a list of Numbers. */
  public Object jsonValue() {
    if (isText() || values.size() == 1) {
      return values.get(0);
    }
    return values;
  }

  /** A copy with another name. */
  public Attribute withName(String newName) {
    return new Attribute(newName, type, values);
  }

  @Override
  public String toString() {
    return name + "=" + (isText() ? "\"" + text() + "\"" : values.toString());
  }
}
