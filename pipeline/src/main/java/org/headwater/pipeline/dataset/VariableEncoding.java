package org.headwater.pipeline.dataset;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import ucar.ma2.Array;

/**
 * How a variable is stored on disk, kept beside its decoded values so that outputs store it the
 * same way (as xarray's {@code Variable.encoding} does): the stored type, and the CF coding
 * attributes in stored units ({@code scale_factor}, {@code add_offset}, {@code _FillValue}, {@code
 * missing_value}, {@code valid_range}, {@code valid_min}, {@code valid_max}), plus the source's
 * chunk shape when it had one.
 *
 * <p>Writers encode decoded values with {@link #encode}: NaN becomes the fill value, and packed
 * values become {@code round((x - add_offset) / scale_factor)}. A step that changes values in a
 * way the stored form cannot hold drops the encoding (see docs/steps.md); a variable whose decoded
 * type no longer matches {@link #decoded} loses it automatically ({@link Variable}).
 *
 * @param stored the type on disk
 * @param decoded the type the values decode to (the variable's {@code dtype})
 * @param attributes the coding attributes in the source's types, in file order
 * @param chunks the source's chunk shape, or empty when unknown or not chunked
 */
public record VariableEncoding(
    DType stored, DType decoded, List<Attribute> attributes, List<Integer> chunks)
    implements Serializable {

  /** The attributes an encoding carries. */
  public static final List<String> NAMES =
      List.of("scale_factor", "add_offset", "_FillValue", "missing_value", "valid_range",
          "valid_min", "valid_max");

  public VariableEncoding {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(decoded, "decoded");
    attributes = List.copyOf(attributes);
    chunks = List.copyOf(chunks);
  }

  /** The same encoding with the source's chunk shape. */
  public VariableEncoding withChunks(List<Integer> newChunks) {
    return new VariableEncoding(stored, decoded, attributes, newChunks);
  }

  /** Whether values are packed with {@code scale_factor}/{@code add_offset}. */
  public boolean isPacked() {
    return Attributes.find(attributes, "scale_factor").isPresent()
        || Attributes.find(attributes, "add_offset").isPresent();
  }

  /** Whether writing needs anything beyond the decoded values and the variable's attributes. */
  public boolean changesValues() {
    return stored != decoded || isPacked() || fill() != null;
  }

  /**
   * The stored value written for missing (NaN) values: {@code _FillValue}, else the first {@code
   * missing_value}, else for packed integers NetCDF's default fill of the type; null when none.
   */
  public Number fill() {
    Attribute f = Attributes.find(attributes, "_FillValue")
        .or(() -> Attributes.find(attributes, "missing_value"))
        .filter(a -> !a.isText())
        .orElse(null);
    if (f != null) {
      return stored.cast(f.number());
    }
    return null;
  }

  /** The attributes an output writes besides the variable's own, without {@code _FillValue}. */
  public List<Attribute> outputAttributes() {
    return Attributes.without(attributes, "_FillValue");
  }

  /** Decoded values in the stored type: NaN to the fill value, packed values re-packed. */
  public Array encode(Array decodedValues) {
    double scale = number("scale_factor", 1.0);
    double offset = number("add_offset", 0.0);
    boolean packed = isPacked();
    Number f = fill();
    double fill = f == null ? Double.NaN : f.doubleValue();
    boolean integral = stored.isIntegral();
    int n = (int) decodedValues.getSize();
    Object in = decodedValues.get1DJavaArray(decodedValues.getElementType());
    float[] inF = in instanceof float[] a && a.length == n ? a : null;
    double[] inD = inF == null ? (double[]) decodedValues.get1DJavaArray(double.class) : null;
    Object storage = java.lang.reflect.Array.newInstance(
        Array.factory(stored.dataType(), new int[] {0}).getElementType(), n);
    for (int i = 0; i < n; i++) {
      double x = inF != null ? inF[i] : inD[i];
      double y;
      if (Double.isNaN(x)) {
        y = fill;
      } else {
        y = packed ? (x - offset) / scale : x;
        if (integral) {
          y = Math.rint(y);
        }
      }
      store(storage, i, y);
    }
    return Array.factory(stored.dataType(), decodedValues.getShape(), storage);
  }

  /** Stores one value into a primitive array of the stored type (integers wrap as Java casts do). */
  private static void store(Object storage, int i, double y) {
    if (storage instanceof short[] a) {
      a[i] = (short) (long) y;
    } else if (storage instanceof float[] a) {
      a[i] = (float) y;
    } else if (storage instanceof double[] a) {
      a[i] = y;
    } else if (storage instanceof int[] a) {
      a[i] = (int) (long) y;
    } else if (storage instanceof byte[] a) {
      a[i] = (byte) (long) y;
    } else {
      ((long[]) storage)[i] = Double.isNaN(y) ? 0 : (long) y;
    }
  }

  private double number(String name, double fallback) {
    return Attributes.find(attributes, name)
        .filter(a -> !a.isText())
        .map(a -> a.number().doubleValue())
        .orElse(fallback);
  }
}
