package org.headwater.zarr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.zarr.internal.Json;

/**
 * A Zarr v2 chunk compressor in its numcodecs configuration form.
 *
 * <p>JSON forms, exactly as numcodecs writes them: {@code {"id":"zlib","level":4}},
 * {@code {"id":"zstd","level":3}},
 * {@code {"id":"blosc","cname":"lz4","clevel":5,"shuffle":1,"blocksize":0}}; no compression is
 * JSON {@code null}. Chunks are byte-compatible with numcodecs: zlib is a zlib stream (RFC 1950,
 * header and Adler-32), zstd is one zstd frame, blosc is a c-blosc 1 buffer.
 *
 * @param id numcodecs codec id: {@code "none"}, {@code "zlib"}, {@code "zstd"} or {@code "blosc"}
 * @param level compression level (zlib 0-9, zstd -131072..22, blosc {@code clevel} 0-9; 0 for none)
 * @param cname blosc inner compressor ({@code lz4, lz4hc, blosclz, zstd, zlib}); null otherwise
 * @param shuffle blosc shuffle: -1 auto, 0 none, 1 byte, 2 bit; 0 for other codecs
 * @param blocksize blosc block size in bytes, 0 = automatic; 0 for other codecs
 */
public record Compressor(String id, int level, String cname, int shuffle, int blocksize) {
  private static final List<String> BLOSC_CNAMES = List.of("lz4", "lz4hc", "blosclz", "zstd", "zlib");

  /**
   * Validates the configuration.
   *
   * @param id see the record description
   * @param level see the record description
   * @param cname see the record description
   * @param shuffle see the record description
   * @param blocksize see the record description
   */
  public Compressor {
    switch (id == null ? "" : id) {
      case "none" -> require(level == 0 && cname == null && shuffle == 0 && blocksize == 0, "none takes no options");
      case "zlib" -> require(level >= 0 && level <= 9 && cname == null && shuffle == 0 && blocksize == 0, "zlib level must be 0-9");
      case "zstd" -> require(level >= -131072 && level <= 22 && cname == null && shuffle == 0 && blocksize == 0, "zstd level must be -131072..22");
      case "blosc" -> {
        require(BLOSC_CNAMES.contains(cname), "blosc cname must be one of " + BLOSC_CNAMES + ", not '" + cname + "'");
        require(level >= 0 && level <= 9, "blosc clevel must be 0-9");
        require(shuffle >= -1 && shuffle <= 2, "blosc shuffle must be -1 (auto), 0, 1 (byte) or 2 (bit)");
        require(blocksize >= 0, "blosc blocksize must be >= 0");
      }
      default -> throw new ZarrException("unsupported compressor '" + id + "': use zlib, zstd or blosc");
    }
  }

  /** @return no compression (JSON {@code null}) */
  public static Compressor none() {
    return new Compressor("none", 0, null, 0, 0);
  }

  /**
   * @param level 0 (store) to 9 (best)
   * @return numcodecs {@code Zlib(level)}
   */
  public static Compressor zlib(int level) {
    return new Compressor("zlib", level, null, 0, 0);
  }

  /**
   * @param level zstd level, e.g. 3
   * @return numcodecs {@code Zstd(level)}
   */
  public static Compressor zstd(int level) {
    return new Compressor("zstd", level, null, 0, 0);
  }

  /**
   * @param cname inner compressor: lz4, lz4hc, blosclz, zstd or zlib
   * @param clevel 0-9
   * @param shuffle -1 auto, 0 none, 1 byte shuffle, 2 bit shuffle
   * @return numcodecs {@code Blosc(cname, clevel, shuffle, blocksize=0)}
   */
  public static Compressor blosc(String cname, int clevel, int shuffle) {
    return new Compressor("blosc", clevel, cname, shuffle, 0);
  }

  /** @return whether this is {@link #none()} */
  public boolean isNone() {
    return id.equals("none");
  }

  /**
   * @return the numcodecs configuration in numcodecs key order, or {@code null} for {@link #none()}
   */
  public Map<String, Object> config() {
    if (isNone()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    if (id.equals("blosc")) {
      m.put("cname", cname);
      m.put("clevel", level);
      m.put("shuffle", shuffle);
      m.put("blocksize", blocksize);
    } else {
      m.put("level", level);
    }
    return m;
  }

  /** @return compact JSON, e.g. {@code {"id":"zlib","level":4}} or {@code null} */
  public String toJson() {
    return Json.compact(config());
  }

  /**
   * Parses a numcodecs configuration, e.g. the {@code compressor} value of a {@code .zarray}.
   * Unknown options (such as zstd {@code "checksum": false}) are ignored.
   *
   * @param config the configuration, or {@code null} for no compression
   * @return the compressor
   * @throws ZarrException for unsupported ids or invalid options
   */
  public static Compressor fromConfig(Map<String, ?> config) {
    return fromConfig(config, null);
  }

  /** As {@link #fromConfig(Map)}; {@code where} (a .zarray path) is named in error messages. */
  static Compressor fromConfig(Map<String, ?> config, String where) {
    String in = where == null ? "" : " in " + where;
    if (config == null) {
      return none();
    }
    Object id = config.get("id");
    if ("blosc".equals(id)) {
      try {
        return new Compressor("blosc", intOption(config, "clevel", 5), String.valueOf(config.get("cname")),
            intOption(config, "shuffle", 1), intOption(config, "blocksize", 0));
      } catch (ZarrException e) {
        throw new ZarrException(e.getMessage() + in, e);
      }
    }
    if ("zlib".equals(id) || "zstd".equals(id)) {
      try {
        return new Compressor((String) id, intOption(config, "level", 1), null, 0, 0);
      } catch (ZarrException e) {
        throw new ZarrException(e.getMessage() + in, e);
      }
    }
    throw new ZarrException("unsupported compressor '" + id + "'" + in + ": use zlib, zstd or blosc");
  }

  /**
   * Parses compact or pretty JSON as produced by {@link #toJson()} or numcodecs.
   *
   * @param json a JSON object or {@code null}
   * @return the compressor
   */
  @SuppressWarnings("unchecked")
  public static Compressor fromJson(String json) {
    Object parsed = Json.parseValue(json);
    if (parsed != null && !(parsed instanceof Map)) {
      throw new ZarrException("compressor must be a JSON object or null, got: " + json);
    }
    return fromConfig((Map<String, ?>) parsed);
  }

  private static int intOption(Map<String, ?> config, String key, int dflt) {
    Object v = config.get(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n) || n.doubleValue() != n.intValue()) {
      throw new ZarrException("compressor option '" + key + "' must be an integer, got " + v);
    }
    return n.intValue();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ZarrException("invalid compressor: " + message);
    }
  }
}
