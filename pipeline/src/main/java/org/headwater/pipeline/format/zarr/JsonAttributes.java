package org.headwater.pipeline.format.zarr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;

/** Attributes from Zarr's JSON: integers as int32 (int64 when large), other numbers as float64. */
final class JsonAttributes {
  private JsonAttributes() {}

  static List<Attribute> from(Map<String, Object> json) {
    List<Attribute> out = new ArrayList<>();
    json.forEach(
        (k, v) -> {
          Attribute a = convert(k, v);
          if (a != null) {
            out.add(a);
          }
        });
    return out;
  }

  private static Attribute convert(String name, Object v) {
    if (v instanceof String s) {
      return Attribute.text(name, s);
    }
    if (v instanceof Number n) {
      return number(name, List.of(n));
    }
    if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Number)) {
      List<Number> nums = new ArrayList<>();
      list.forEach(x -> nums.add((Number) x));
      return number(name, nums);
    }
    return v == null ? null : Attribute.text(name, String.valueOf(v));
  }

  private static Attribute number(String name, List<Number> values) {
    boolean integral =
        values.stream().allMatch(n -> n instanceof Integer || n instanceof Long || n instanceof Short);
    if (integral) {
      boolean small = values.stream().allMatch(n -> n.longValue() == (int) n.longValue());
      List<Object> out = new ArrayList<>();
      values.forEach(n -> out.add(small ? (Object) n.intValue() : (Object) n.longValue()));
      return new Attribute(name, small ? DType.INT32 : DType.INT64, out);
    }
    List<Object> out = new ArrayList<>();
    values.forEach(n -> out.add(n.doubleValue()));
    return new Attribute(name, DType.FLOAT64, out);
  }
}
