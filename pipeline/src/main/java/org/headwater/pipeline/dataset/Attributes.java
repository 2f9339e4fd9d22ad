package org.headwater.pipeline.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small operations on ordered attribute lists. */
public final class Attributes {
  /**
   * Attributes a format keeps for itself, which libraries show but no output may carry: netCDF-C's
   * and HDF5's ({@code _NCProperties}, {@code _ChunkSizes}, ... as NetCDF-Java and ncdump -s show
   * them), Zarr's {@code _ARRAY_DIMENSIONS}, and {@code _Unsigned}, which readers apply as the
   * stored type's signedness and writers set from the type.
   */
  public static final java.util.Set<String> INTERNAL =
      java.util.Set.of("_NCProperties", "_ChunkSizes", "_Netcdf4Dimid", "_Netcdf4Coordinates",
          "_SuperblockVersion", "_IsNetcdf4", "_Encoding", "_Format", "_Storage", "_Endianness",
          "_DeflateLevel", "_Shuffle", "_Fletcher32", "_NoFill", "_Filter", "_Codecs",
          "_QuantizeBitGroomNumberOfSignificantDigits", "_ARRAY_DIMENSIONS", "_Unsigned");

  private Attributes() {}

  /** A copy without the attributes internal to a format ({@link #INTERNAL}). */
  public static List<Attribute> withoutInternal(List<Attribute> attributes) {
    return attributes.stream().filter(a -> !INTERNAL.contains(a.name())).toList();
  }

  /** The attribute with this name. */
  public static Optional<Attribute> find(List<Attribute> attributes, String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The text value of the attribute, or null when absent or numeric. */
  public static String text(List<Attribute> attributes, String name) {
    return find(attributes, name).filter(Attribute::isText).map(Attribute::text).orElse(null);
  }

  /** A copy with {@code attribute} set (replacing one of the same name, in place). */
  public static List<Attribute> with(List<Attribute> attributes, Attribute attribute) {
    List<Attribute> out = new ArrayList<>(attributes);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equals(attribute.name())) {
        out.set(i, attribute);
        return List.copyOf(out);
      }
    }
    out.add(attribute);
    return List.copyOf(out);
  }

  /** A copy without the named attributes. */
  public static List<Attribute> without(List<Attribute> attributes, String... names) {
    List<String> drop = List.of(names);
    return attributes.stream().filter(a -> !drop.contains(a.name())).toList();
  }

  /**
   * The attributes as an ordered JSON-compatible map. A float32 value is written as the exact
   * double it holds ({@code 0.01f} as {@code 0.009999999776482582}), as xarray writes numpy
   * float32 attributes to Zarr, so readers decode with the same scale factor as from the source.
   */
  public static Map<String, Object> toJson(List<Attribute> attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Attribute a : attributes) {
      Object v = a.jsonValue();
      if (v instanceof Float f) {
        v = f.doubleValue();
      } else if (v instanceof List<?> l && a.type() == DType.FLOAT32) {
        v = l.stream().map(x -> x instanceof Float f ? (Object) f.doubleValue() : x).toList();
      }
      out.put(a.name(), v);
    }
    return out;
  }
}
