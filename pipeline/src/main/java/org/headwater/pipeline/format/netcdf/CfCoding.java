package org.headwater.pipeline.format.netcdf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * How a stored variable decodes under the CF conventions: {@code scale_factor}/{@code add_offset}
 * packing, {@code _FillValue} and {@code missing_value}, and {@code valid_range}/{@code
 * valid_min}/{@code valid_max}.
 *
 * <p>Packed variables decode to float32 (float64 when {@code scale_factor} or {@code add_offset}
 * is float64) with missing values as NaN, as xarray does. Unpacked floating-point variables keep
 * their type and get NaN for missing values. Unpacked integer variables are not changed: their
 * {@code _FillValue} is kept so readers mask it themselves.
 *
 * @param stored the type on disk
 * @param decoded the type after decoding
 * @param scale the scale factor (1 when absent)
 * @param offset the offset (0 when absent)
 * @param missing stored values that mean missing ({@code _FillValue}, {@code missing_value})
 * @param validMin the smallest valid stored value, or NaN
 * @param validMax the largest valid stored value, or NaN
 * @param fillValue the value writers store for missing data in the decoded type, or null
 */
public record CfCoding(
    DType stored,
    DType decoded,
    double scale,
    double offset,
    double[] missing,
    double validMin,
    double validMax,
    Number fillValue)
    implements Serializable {

  /** From this many 16-bit values on, decoding goes through a table of all 65,536. */
  private static final int SHORT_TABLE_MIN = 1 << 16;

  /** Attributes that the decoding consumes and that are not carried to outputs. */
  static final List<String> CODING_ATTRIBUTES =
      List.of("scale_factor", "add_offset", "_FillValue", "_Unsigned");

  /** Works out the coding from a variable's stored type and attributes. */
  public static CfCoding of(DType stored, List<Attribute> attrs) {
    Attribute scaleA = Attributes.find(attrs, "scale_factor").orElse(null);
    Attribute offsetA = Attributes.find(attrs, "add_offset").orElse(null);
    boolean packed = scaleA != null || offsetA != null;
    double scale = scaleA == null ? 1.0 : scaleA.number().doubleValue();
    double offset = offsetA == null ? 0.0 : offsetA.number().doubleValue();
    List<Double> missing = new ArrayList<>();
    Attribute fillA = Attributes.find(attrs, "_FillValue").orElse(null);
    if (fillA != null && !fillA.isText()) {
      missing.add(fillA.number().doubleValue());
    }
    Attributes.find(attrs, "missing_value")
        .filter(a -> !a.isText())
        .ifPresent(a -> a.values().forEach(v -> missing.add(((Number) v).doubleValue())));
    double vmin = Double.NaN;
    double vmax = Double.NaN;
    Attribute range = Attributes.find(attrs, "valid_range").orElse(null);
    if (range != null && !range.isText() && range.values().size() == 2) {
      vmin = ((Number) range.values().get(0)).doubleValue();
      vmax = ((Number) range.values().get(1)).doubleValue();
    }
    vmin = number(attrs, "valid_min", vmin);
    vmax = number(attrs, "valid_max", vmax);
    DType decoded;
    Number fill;
    if (packed) {
      boolean wide =
          (scaleA != null && scaleA.type() == DType.FLOAT64)
              || (offsetA != null && offsetA.type() == DType.FLOAT64);
      decoded = wide ? DType.FLOAT64 : DType.FLOAT32;
      fill = decoded == DType.FLOAT64 ? (Number) Double.NaN : (Number) Float.NaN;
    } else if (stored.isFloatingPoint()) {
      decoded = stored;
      fill = fillA == null ? null : stored.cast(fillA.number());
    } else {
      decoded = stored;
      fill = fillA == null ? null : stored.cast(fillA.number());
      missing.clear();
      vmin = Double.NaN;
      vmax = Double.NaN;
    }
    return new CfCoding(
        stored,
        decoded,
        scale,
        offset,
        missing.stream().mapToDouble(Double::doubleValue).toArray(),
        vmin,
        vmax,
        fill);
  }

  /** Whether reading changes stored values at all. */
  public boolean isIdentity() {
    return stored == decoded && missing.length == 0 && Double.isNaN(validMin)
        && Double.isNaN(validMax);
  }

  /** The attributes an output keeps: without the coding attributes, and for packed variables
   * without {@code missing_value} and {@code valid_*} (which are in packed units). */
  public List<Attribute> outputAttributes(List<Attribute> attrs) {
    List<Attribute> out = Attributes.without(attrs, CODING_ATTRIBUTES.toArray(String[]::new));
    if (decoded != stored) {
      out = Attributes.without(out, "missing_value", "valid_range", "valid_min", "valid_max");
    } else if (decoded.isFloatingPoint()) {
      out = Attributes.without(out, "missing_value");
    }
    return out;
  }

  /**
   * The stored form an output keeps: the stored type and the coding attributes that {@link
   * #outputAttributes} leaves out, in their source types.
   */
  public org.headwater.pipeline.dataset.VariableEncoding encoding(List<Attribute> attrs) {
    List<Attribute> kept = outputAttributes(attrs);
    List<Attribute> coding = attrs.stream()
        .filter(a -> org.headwater.pipeline.dataset.VariableEncoding.NAMES.contains(a.name()))
        .filter(a -> !kept.contains(a))
        .toList();
    return new org.headwater.pipeline.dataset.VariableEncoding(stored, decoded, coding, List.of());
  }

  /** Decodes stored values read from disk. */
  public Array decode(Array raw) {
    if (isIdentity()) {
      return raw;
    }
    Array out = Array.factory(decoded.dataType(), raw.getShape());
    Object in = contiguous(raw);
    Object dst = out.getStorage();
    if (in != null && (dst instanceof float[] || dst instanceof double[])) {
      decodeInto(in, dst);
      return out;
    }
    IndexIterator it = raw.getIndexIterator();
    IndexIterator o = out.getIndexIterator();
    boolean unsigned = stored.unsigned();
    while (it.hasNext()) {
      double v = unsigned ? unsignedValue(it, stored) : it.getDoubleNext();
      o.setDoubleNext(value(v));
    }
    return out;
  }

  /** The decoded value of one stored value (as a double), NaN when missing. */
  private double value(double v) {
    return isMissing(v) ? Double.NaN : v * scale + offset;
  }

  /**
   * Decodes a whole primitive array into a float[] or double[] of the same length: the same
   * arithmetic as the element-by-element path, in plain loops.
   */
  private void decodeInto(Object in, Object dst) {
    boolean unsigned = stored.unsigned();
    int n = java.lang.reflect.Array.getLength(in);
    float[] f = dst instanceof float[] a ? a : null;
    double[] d = dst instanceof double[] a ? a : null;
    if (in instanceof short[] s && n >= SHORT_TABLE_MIN) {
      // every 16-bit value decoded once, then looked up: the same values, a fraction of the work
      double[] table = new double[1 << 16];
      for (int v = 0; v < table.length; v++) {
        table[v] = value(unsigned ? v : (short) v);
      }
      for (int i = 0; i < n; i++) {
        double x = table[s[i] & 0xffff];
        if (f != null) {
          f[i] = (float) x;
        } else {
          d[i] = x;
        }
      }
    } else if (in instanceof short[] s) {
      for (int i = 0; i < n; i++) {
        double x = value(unsigned ? s[i] & 0xffff : s[i]);
        if (f != null) {
          f[i] = (float) x;
        } else {
          d[i] = x;
        }
      }
    } else if (in instanceof byte[] b) {
      for (int i = 0; i < n; i++) {
        double x = value(unsigned ? b[i] & 0xff : b[i]);
        if (f != null) {
          f[i] = (float) x;
        } else {
          d[i] = x;
        }
      }
    } else if (in instanceof int[] a) {
      for (int i = 0; i < n; i++) {
        double x = value(unsigned ? a[i] & 0xffffffffL : a[i]);
        if (f != null) {
          f[i] = (float) x;
        } else {
          d[i] = x;
        }
      }
    } else if (in instanceof float[] a) {
      for (int i = 0; i < n; i++) {
        double x = value(a[i]);
        if (f != null) {
          f[i] = (float) x;
        } else {
          d[i] = x;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        double x = value(java.lang.reflect.Array.getDouble(in, i));
        if (f != null) {
          f[i] = (float) x;
        } else {
          d[i] = x;
        }
      }
    }
  }

  /** The values of {@code a} in index order as a primitive array, or null (e.g. char, string). */
  private static Object contiguous(Array a) {
    Class<?> t = a.getElementType();
    if (!t.isPrimitive() || t == char.class || t == boolean.class) {
      return null;
    }
    Object storage = a.get1DJavaArray(t);
    return java.lang.reflect.Array.getLength(storage) == a.getSize()
        ? storage
        : a.copyTo1DJavaArray();
  }

  private boolean isMissing(double v) {
    for (double m : missing) {
      if (v == m || (Double.isNaN(m) && Double.isNaN(v))) {
        return true;
      }
    }
    return (!Double.isNaN(validMin) && v < validMin) || (!Double.isNaN(validMax) && v > validMax);
  }

  private static double unsignedValue(IndexIterator it, DType t) {
    switch (t) {
      case UINT8:
        return it.getByteNext() & 0xff;
      case UINT16:
        return it.getShortNext() & 0xffff;
      case UINT32:
        return it.getIntNext() & 0xffffffffL;
      default:
        return it.getDoubleNext();
    }
  }

  private static double number(List<Attribute> attrs, String name, double fallback) {
    return Attributes.find(attrs, name)
        .filter(a -> !a.isText())
        .map(a -> a.number().doubleValue())
        .orElse(fallback);
  }
}
