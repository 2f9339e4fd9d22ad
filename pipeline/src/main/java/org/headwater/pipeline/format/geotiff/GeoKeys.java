package org.headwater.pipeline.format.geotiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.apache.sis.util.Utilities;
import org.headwater.pipeline.geo.GridCrs;
import org.opengis.parameter.ParameterValueGroup;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;

/**
 * The GeoKey directory of a grid's CRS (OGC GeoTIFF 1.1, sections 7.4-7.5 and Annex C): the EPSG
 * code when the CRS has one, else the projection's parameters under user-defined keys.
 *
 * @param directory GeoKeyDirectoryTag (34735) values
 * @param doubles GeoDoubleParamsTag (34736) values
 */
record GeoKeys(int[] directory, double[] doubles) {
  private static final int USER_DEFINED = 32767;
  private static final int GEOTIFF_TAG = 0;
  private static final int DOUBLE_TAG = 34736;

  /** The keys for a CRS; pixels are areas (GTRasterTypeGeoKey = PixelIsArea). */
  static GeoKeys of(GridCrs crs, String variable) {
    Map<Integer, Object> keys = new TreeMap<>();
    keys.put(1025, 1);
    if (crs.isGeographic()) {
      keys.put(1024, 2);
      keys.put(2048, crs.epsg().orElseThrow(() -> unsupported(crs, variable)));
      keys.put(2054, 9102);
    } else if (crs.epsg().isPresent()) {
      keys.put(1024, 1);
      keys.put(3072, crs.epsg().getAsInt());
    } else {
      keys.put(1024, 1);
      userDefined((ProjectedCRS) crs.crs(), keys, crs, variable);
    }
    return encode(keys);
  }

  private static void userDefined(ProjectedCRS p, Map<Integer, Object> keys, GridCrs crs,
      String variable) {
    keys.put(3072, USER_DEFINED);
    keys.put(3074, USER_DEFINED);
    keys.put(3076, 9001);
    if (Utilities.equalsIgnoreMetadata(
        p.getBaseCRS(), GridCrs.lonLat().crs()) || "WGS 84".equals(p.getBaseCRS().getName()
        .getCode())) {
      keys.put(2048, 4326);
    } else {
      Ellipsoid e = DatumOrEnsemble.asDatum(p.getBaseCRS()).getEllipsoid();
      keys.put(2048, USER_DEFINED);
      keys.put(2050, USER_DEFINED);
      keys.put(2056, USER_DEFINED);
      keys.put(2057, e.getSemiMajorAxis());
      keys.put(2059, e.isSphere() ? 0.0 : e.getInverseFlattening());
    }
    ParameterValueGroup v = p.getConversionFromBase().getParameterValues();
    String method = p.getConversionFromBase().getMethod().getName().getCode()
        .toLowerCase(Locale.ROOT);
    if (method.startsWith("polar stereographic (variant b)")) {
      keys.put(3075, 15);
      keys.put(3081, value(v, "Latitude of standard parallel"));
      keys.put(3095, value(v, "Longitude of origin"));
      keys.put(3092, 1.0);
    } else if (method.startsWith("polar stereographic (variant a)")) {
      keys.put(3075, 15);
      keys.put(3081, value(v, "Latitude of natural origin"));
      keys.put(3095, value(v, "Longitude of natural origin"));
      keys.put(3092, value(v, "Scale factor at natural origin"));
    } else if (method.startsWith("lambert azimuthal equal area")) {
      keys.put(3075, 10);
      keys.put(3089, value(v, "Latitude of natural origin"));
      keys.put(3088, value(v, "Longitude of natural origin"));
    } else {
      throw unsupported(crs, variable);
    }
    keys.put(3082, value(v, "False easting"));
    keys.put(3083, value(v, "False northing"));
  }

  private static double value(ParameterValueGroup v, String name) {
    return v.parameter(name).doubleValue();
  }

  private static IllegalArgumentException unsupported(GridCrs crs, String variable) {
    return new IllegalArgumentException("variable '" + variable + "': its CRS ("
        + crs.crs().getName().getCode() + ") has no EPSG code and no GeoTIFF keys here"
        + " (polar stereographic and Lambert azimuthal equal area have); reproject it to an"
        + " EPSG CRS with a reproject step");
  }

  private static GeoKeys encode(Map<Integer, Object> keys) {
    List<Integer> dir = new ArrayList<>(List.of(1, 1, 0, keys.size()));
    List<Double> doubles = new ArrayList<>();
    for (Map.Entry<Integer, Object> k : keys.entrySet()) {
      if (k.getValue() instanceof Double d) {
        dir.addAll(List.of(k.getKey(), DOUBLE_TAG, 1, doubles.size()));
        doubles.add(d);
      } else {
        dir.addAll(List.of(k.getKey(), GEOTIFF_TAG, 1, (Integer) k.getValue()));
      }
    }
    return new GeoKeys(dir.stream().mapToInt(Integer::intValue).toArray(),
        doubles.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
