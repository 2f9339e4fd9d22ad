package org.headwater.pipeline.format.netcdf;

import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;

/** Converts between NetCDF-Java attributes and Headwater's; format-internal ones are left out. */
final class NetcdfAttributes {
  private NetcdfAttributes() {}

  static List<Attribute> from(List<ucar.nc2.Attribute> attrs) {
    List<Attribute> out = new ArrayList<>();
    for (ucar.nc2.Attribute a : attrs) {
      if (Attributes.INTERNAL.contains(a.getShortName())) {
        continue;
      }
      Attribute converted = from(a);
      if (converted != null) {
        out.add(converted);
      }
    }
    return out;
  }

  static Attribute from(ucar.nc2.Attribute a) {
    if (a.isString()) {
      String v = a.getStringValue();
      return Attribute.text(a.getShortName(), v == null ? "" : v);
    }
    if (a.getLength() == 0) {
      return null;
    }
    DType t = DType.of(a.getDataType(), a.isUnsigned());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < a.getLength(); i++) {
      values.add(a.getNumericValue(i));
    }
    return new Attribute(a.getShortName(), t, values);
  }

  static ucar.nc2.Attribute to(Attribute a) {
    if (a.isText()) {
      return new ucar.nc2.Attribute(a.name(), a.text());
    }
    ucar.ma2.Array arr = ucar.ma2.Array.factory(a.type().dataType(), new int[] {a.values().size()});
    for (int i = 0; i < a.values().size(); i++) {
      Number n = (Number) a.values().get(i);
      if (a.type().isIntegral()) {
        arr.setLong(i, n.longValue());
      } else {
        arr.setDouble(i, n.doubleValue());
      }
    }
    return new ucar.nc2.Attribute(a.name(), arr);
  }
}
