package org.headwater.zarr;

import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversion between {@link ArrayMetadata} and the {@code .zarray} JSON object. */
final class ZarrayJson {
  private ZarrayJson() {}

  /** A parsed {@code .zarray}: the metadata plus the storage details readers need. */
  record Stored(ArrayMetadata metadata, ByteOrder byteOrder, String separator) {}

  /** @return the {@code .zarray} object as written by the writer */
  static Map<String, Object> toMap(ArrayMetadata m) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("chunks", m.chunks());
    map.put("compressor", m.compressor().config());
    map.put("dimension_separator", ".");
    map.put("dtype", m.dtype().typestr());
    Number fill = m.fillValue();
    map.put("fill_value", fill);
    map.put("filters", null);
    map.put("order", "C");
    map.put("shape", m.shape());
    map.put("zarr_format", 2);
    return map;
  }

  /**
   * Parses a {@code .zarray} object.
   *
   * @param parsed the JSON value ({@link org.headwater.zarr.internal.Json#toJava})
   * @param where the file, named in error messages
   * @return the metadata with byte order and separator
   */
  @SuppressWarnings("unchecked")
  static Stored parse(Object parsed, String where) {
    if (!(parsed instanceof Map)) {
      throw new ZarrException(where + " is not a JSON object: regenerate the array metadata");
    }
    Map<String, Object> map = (Map<String, Object>) parsed;
    Object format = map.get("zarr_format");
    if (!(format instanceof Long f) || f != 2) {
      throw new ZarrException("zarr_format " + format + " in " + where
          + ": only Zarr v2 is supported; write the store with zarr_format=2");
    }
    if (!"C".equals(map.get("order"))) {
      throw new ZarrException("order '" + map.get("order") + "' in " + where
          + ": only C order is supported; rewrite the array with order='C'");
    }
    Object filters = map.get("filters");
    if (filters != null && !(filters instanceof List<?> l && l.isEmpty())) {
      throw new ZarrException("filters " + filters + " in " + where
          + ": filters are not supported; rewrite the array with filters=None");
    }
    Object sep = map.getOrDefault("dimension_separator", ".");
    if (!".".equals(sep) && !"/".equals(sep)) {
      throw new ZarrException("dimension_separator '" + sep + "' in " + where + ": use '.' or '/'");
    }
    if (!(map.get("dtype") instanceof String typestr)) {
      throw new ZarrException("unsupported dtype " + map.get("dtype") + " in " + where
          + ": structured dtypes are not supported; use one numeric dtype per array");
    }
    ZarrDType dtype;
    try {
      dtype = ZarrDType.parse(typestr);
    } catch (ZarrException e) {
      throw new ZarrException(e.getMessage().replaceFirst(":", " in " + where + ":"), e);
    }
    Object compressor = map.get("compressor");
    if (compressor != null && !(compressor instanceof Map)) {
      throw new ZarrException("compressor " + compressor + " in " + where + " is not an object: use zlib, zstd or blosc");
    }
    try {
      ArrayMetadata meta = new ArrayMetadata(ints(map.get("shape"), "shape", where),
          ints(map.get("chunks"), "chunks", where), dtype,
          Compressor.fromConfig((Map<String, ?>) compressor, where), fill(map.get("fill_value"), where));
      return new Stored(meta, ZarrDType.byteOrder(typestr), (String) sep);
    } catch (ZarrException e) {
      if (e.getMessage().contains(where)) {
        throw e;
      }
      throw new ZarrException(e.getMessage() + " (in " + where + ")", e);
    }
  }

  private static Number fill(Object v, String where) {
    if (v == null || v instanceof Number) {
      return (Number) v;
    }
    switch (String.valueOf(v)) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        throw new ZarrException("fill_value " + v + " in " + where
            + ": only numbers, null, \"NaN\", \"Infinity\" and \"-Infinity\" are supported");
    }
  }

  private static int[] ints(Object v, String key, String where) {
    if (!(v instanceof List<?> list)) {
      throw new ZarrException("'" + key + "' in " + where + " must be a list of integers, got " + v);
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
        throw new ZarrException("'" + key + "' in " + where + " must be a list of integers in 0.."
            + Integer.MAX_VALUE + ", got " + v);
      }
      out[i] = (int) (long) l;
    }
    return out;
  }
}
