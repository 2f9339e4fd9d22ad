package org.headwater.pipeline.geo;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.measure.Unit;
import org.apache.sis.measure.Units;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.headwater.provenance.record.RasterCrs;
import org.opengis.parameter.GeneralParameterValue;
import org.opengis.parameter.ParameterValue;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeodeticCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.referencing.datum.GeodeticDatum;
import org.opengis.util.FactoryException;

/**
 * A {@link GridCrs} taken apart by Apache SIS into the parts metadata records name. WGS 84 is a
 * datum ensemble in the EPSG dataset, so the datum comes from {@link DatumOrEnsemble}.
 */
public final class CrsDescription {
  private CrsDescription() {}

  /**
   * The parts of a grid's CRS: datum, ellipsoid, prime meridian and, for a projected CRS, the
   * projection method and its parameters (angles in degrees, lengths in metres).
   *
   * @throws IllegalArgumentException when the CRS is neither geographic nor projected
   */
  public static RasterCrs of(GridCrs grid) {
    CoordinateReferenceSystem crs = grid.crs();
    String code = grid.epsg().isPresent() ? "EPSG:" + grid.epsg().getAsInt() : null;
    String name = code == null ? crs.getName().getCode() : epsgName(code);
    if (crs instanceof ProjectedCRS p) {
      GeodeticDatum datum = DatumOrEnsemble.asDatum(p.getBaseCRS());
      Map<String, Double> params = new LinkedHashMap<>();
      for (GeneralParameterValue g : p.getConversionFromBase().getParameterValues().values()) {
        String param = g.getDescriptor().getName().getCode();
        if (g instanceof ParameterValue<?> v && v.getValue() instanceof Number
            && !param.startsWith("semi_")) { // the ellipsoid's axes, given with the spheroid
          params.put(param, number(v));
        }
      }
      Unit<?> unit = p.getCoordinateSystem().getAxis(0).getUnit();
      return parts(code, name, grid.wkt(), datum,
          p.getConversionFromBase().getMethod().getName().getCode(), params,
          Units.METRE.equals(unit) ? "metre" : String.valueOf(unit));
    }
    if (crs instanceof GeodeticCRS g && grid.isGeographic()) {
      return parts(code, name, grid.wkt(), DatumOrEnsemble.asDatum(g), null, Map.of(), "degree");
    }
    throw new IllegalArgumentException("CRS '" + name + "' is neither geographic nor projected");
  }

  private static RasterCrs parts(String code, String name, String wkt, GeodeticDatum datum,
      String projection, Map<String, Double> params, String unit) {
    Ellipsoid e = datum.getEllipsoid();
    double a = e.getAxisUnit().getConverterTo(Units.METRE).convert(e.getSemiMajorAxis());
    double pm = datum.getPrimeMeridian().getAngularUnit().asType(javax.measure.quantity.Angle.class)
        .getConverterTo(Units.DEGREE).convert(datum.getPrimeMeridian().getGreenwichLongitude());
    return new RasterCrs(code, name, wkt, datum.getName().getCode(), e.getName().getCode(), a,
        e.getInverseFlattening(), pm, projection, params, unit);
  }

  /** The EPSG dataset's name for a code (a CF grid mapping carries only the method's name). */
  private static String epsgName(String code) {
    try {
      return CRS.forCode(code).getName().getCode();
    } catch (FactoryException e) {
      throw new IllegalArgumentException(code + " is not in the EPSG dataset: " + e.getMessage(), e);
    }
  }

  private static double number(ParameterValue<?> v) {
    Unit<?> u = v.getUnit();
    if (u != null && u.isCompatible(Units.DEGREE)) {
      return v.doubleValue(Units.DEGREE);
    }
    if (u != null && u.isCompatible(Units.METRE)) {
      return v.doubleValue(Units.METRE);
    }
    return v.doubleValue();
  }
}
