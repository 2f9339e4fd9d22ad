package org.headwater.pipeline.output;

import java.util.List;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.dataset.VariableEncoding;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * How Zarr and NetCDF outputs store a variable: in its source's stored form when it carries one
 * ({@link VariableEncoding}: type, packing, {@code _FillValue}, {@code missing_value}), as xarray
 * writes a variable whose {@code encoding} it kept; otherwise as its decoded values with NaN
 * replaced by the variable's fill value. Attributes internal to a format are never written.
 */
public final class Encoding {
  private Encoding() {}

  /** The type written to disk. */
  public static DType storedType(Variable v) {
    return v.encoding() == null ? v.dtype() : v.encoding().stored();
  }

  /** The {@code _FillValue} written (in the stored type), or null for none. */
  public static Number fillValue(Variable v) {
    VariableEncoding e = v.encoding();
    if (e == null) {
      return v.fillValue();
    }
    return Attributes.find(e.attributes(), "_FillValue")
        .filter(a -> !a.isText())
        .map(a -> e.stored().cast(a.number()))
        .orElse(null);
  }

  /**
   * The attributes written besides {@code _FillValue}: the variable's own, without format-internal
   * ones, then the encoding's ({@code scale_factor}, {@code add_offset}, {@code missing_value},
   * {@code valid_*} in stored units) unless the variable already has one of that name.
   */
  public static List<Attribute> attributes(Variable v) {
    List<Attribute> out = Attributes.withoutInternal(v.attributes());
    out = Attributes.without(out, "_FillValue");
    if (v.encoding() != null) {
      for (Attribute a : v.encoding().outputAttributes()) {
        if (Attributes.find(out, a.name()).isEmpty()) {
          out = Attributes.with(out, a);
        }
      }
    }
    return out;
  }

  /** Values as written: encoded into the stored form, or NaN replaced by the fill value. */
  public static Array encode(Variable v, Array data) {
    VariableEncoding e = v.encoding();
    if (e == null) {
      return fillMissing(v, data);
    }
    if (e.stored() == e.decoded() && !e.isPacked() && (e.fill() == null || e.stored().isIntegral())) {
      return data;
    }
    return e.encode(data);
  }

  /** The array with NaN replaced by a finite fill value (in place when possible). */
  public static Array fillMissing(Variable v, Array data) {
    if (!v.dtype().isFloatingPoint() || v.fillValue() == null) {
      return data;
    }
    double fill = v.fillValue().doubleValue();
    if (Double.isNaN(fill)) {
      return data;
    }
    Array out = data.copy();
    IndexIterator it = out.getIndexIterator();
    while (it.hasNext()) {
      double x = it.getDoubleNext();
      if (Double.isNaN(x)) {
        it.setDoubleCurrent(fill);
      }
    }
    return out;
  }
}
