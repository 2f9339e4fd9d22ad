package org.headwater.zarr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.headwater.zarr.ZarrException;
import ucar.ma2.IndexIterator;

/**
 * JSON conversion between plain Java values and Zarr metadata text.
 *
 * <p>Java side: {@code null}, String, Boolean, Number, List, Map with String keys (and, on
 * output, primitive/object arrays, collections and {@code ucar.ma2.Array}). Non-finite doubles are
 * written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; the bare tokens
 * zarr-python writes into attributes ({@code NaN}) are accepted on input and read as
 * {@link Double}. Integral numbers are read as {@link Long} ({@link BigInteger} if too large),
 * other numbers as {@link Double}. Output is formatted like zarr-python (4-space indent, sorted
 * keys, non-ASCII escaped) so metadata files are deterministic.
 */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();
  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("    ", "\n"))
      .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  private Json() {}

  /**
   * @param value a JSON-compatible Java value
   * @return UTF-8 bytes of zarr-python style pretty JSON with keys sorted at every level
   */
  public static byte[] pretty(Object value) {
    return pretty(value, "value");
  }

  /**
   * As {@link #pretty(Object)}; {@code what} names the value in error messages.
   *
   * @param value the value
   * @param what e.g. "attribute of array 'temp' in /x/store"
   * @return UTF-8 JSON bytes
   */
  public static byte[] pretty(Object value, String what) {
    try {
      return PRETTY.writeValueAsString(toTree(value, true, what)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new ZarrException("cannot format JSON: " + e.getMessage(), e);
    }
  }

  /**
   * @param value a JSON-compatible Java value
   * @return compact JSON keeping map insertion order
   */
  public static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(toTree(value, false, "value"));
    } catch (JsonProcessingException e) {
      throw new ZarrException("cannot format JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses JSON text into plain Java values.
   *
   * @param json the text
   * @return Map, List, String, Long, BigInteger, Double, Boolean or null
   * @throws ZarrException if the text is not JSON
   */
  public static Object parseValue(String json) {
    try {
      return toJava(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new ZarrException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Converts a Java value to a JSON tree.
   *
   * @param value the value
   * @param sortKeys sort object keys (recursively)
   * @param what names the value in error messages, e.g. "attribute 'units' of array 'temp'"
   * @return the tree
   * @throws ZarrException for values that have no JSON form
   */
  public static JsonNode toTree(Object value, boolean sortKeys, String what) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof String || value instanceof Character) {
      return NODES.textNode(value.toString());
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return NODES.textNode("NaN");
      } else if (Double.isInfinite(d)) {
        return NODES.textNode(d > 0 ? "Infinity" : "-Infinity");
      }
      return value instanceof Float f ? NODES.numberNode(f) : NODES.numberNode(d);
    } else if (value instanceof BigInteger i) {
      return NODES.numberNode(i);
    } else if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    } else if (value instanceof Number n) {
      return NODES.numberNode(n.longValue());
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      Map<?, ?> ordered = sortKeys ? new TreeMap<>(map) : map;
      for (Map.Entry<?, ?> e : ordered.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new ZarrException(what + " has a non-String map key " + e.getKey() + ": JSON keys are strings");
        }
        node.set(key, toTree(e.getValue(), sortKeys, what));
      }
      return node;
    } else if (value instanceof Collection<?> c) {
      ArrayNode node = NODES.arrayNode();
      c.forEach(v -> node.add(toTree(v, sortKeys, what)));
      return node;
    } else if (value.getClass().isArray()) {
      ArrayNode node = NODES.arrayNode();
      for (int i = 0; i < Array.getLength(value); i++) {
        node.add(toTree(Array.get(value, i), sortKeys, what));
      }
      return node;
    } else if (value instanceof ucar.ma2.Array a) {
      ArrayNode node = NODES.arrayNode();
      for (IndexIterator it = a.getIndexIterator(); it.hasNext(); ) {
        node.add(toTree(unsignedAware(it.getObjectNext(), a.isUnsigned()), sortKeys, what));
      }
      return node;
    }
    throw new ZarrException(what + " has unsupported type " + value.getClass().getName()
        + ": use String, Number, Boolean, List, Map, primitive arrays or ucar.ma2.Array");
  }

  /**
   * Converts a JSON tree to plain Java values (see class comment).
   *
   * @param node the tree
   * @return Map, List, String, Long, BigInteger, Double, Boolean or null
   */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    } else if (node.isTextual()) {
      return node.textValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    } else if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    } else if (node.isNumber()) {
      return node.doubleValue();
    } else if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(n -> list.add(toJava(n)));
      return Collections.unmodifiableList(list);
    } else if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), toJava(e.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    throw new ZarrException("unsupported JSON node " + node.getNodeType());
  }

  private static Object unsignedAware(Object v, boolean unsigned) {
    if (!unsigned) {
      return v;
    } else if (v instanceof Byte b) {
      return b & 0xFF;
    } else if (v instanceof Short s) {
      return s & 0xFFFF;
    } else if (v instanceof Integer i) {
      return i & 0xFFFFFFFFL;
    } else if (v instanceof Long l && l < 0) {
      return new BigInteger(Long.toUnsignedString(l));
    }
    return v;
  }
}
