package org.headwater.pipeline.geo;

import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.util.Utilities;
import org.headwater.pipeline.internal.DerbyLog;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.NoninvertibleTransformException;
import org.opengis.util.FactoryException;

/**
 * A grid's coordinate reference system, through Apache SIS: projections, their inverses and
 * EPSG codes come from SIS and the EPSG dataset, never from formulas of our own.
 *
 * @param crs the CRS in the axis order of the grid's coordinates: x (easting or longitude) first
 * @param epsg the EPSG code whose definition is numerically equivalent, if any ({@link EpsgMatch})
 */
public record GridCrs(CoordinateReferenceSystem crs, OptionalInt epsg) {
  static {
    DerbyLog.quiet();
  }

  /** WGS 84 longitude/latitude, longitude first (EPSG:4326 in GIS axis order). */
  public static GridCrs lonLat() {
    return new GridCrs(lonLatCrs(), OptionalInt.of(4326));
  }

  /**
   * A CRS by code ({@code EPSG:3413}) or WKT (1 or 2), in x-first axis order.
   *
   * @throws IllegalArgumentException saying the code is unknown or the WKT does not parse
   */
  public static GridCrs of(String codeOrWkt) {
    String s = codeOrWkt.trim();
    try {
      if (s.matches("(?i)EPSG:\\d+")) {
        int code = Integer.parseInt(s.substring(5));
        return new GridCrs(xFirst(CRS.forCode("EPSG:" + code)), OptionalInt.of(code));
      }
      CoordinateReferenceSystem c = CRS.fromWKT(s);
      return new GridCrs(xFirst(c), EpsgMatch.of(c));
    } catch (FactoryException e) {
      throw new IllegalArgumentException(
          (s.length() > 60 ? "the WKT" : "'" + s + "'") + " is not a CRS the EPSG dataset or WKT"
              + " parser knows (" + e.getMessage() + "); give an EPSG code such as EPSG:3413 or"
              + " OGC WKT",
          e);
    }
  }

  static CoordinateReferenceSystem lonLatCrs() {
    return AbstractCRS.castOrCopy(CommonCRS.WGS84.geographic())
        .forConvention(AxesConvention.RIGHT_HANDED);
  }

  static CoordinateReferenceSystem xFirst(CoordinateReferenceSystem c) {
    return c instanceof GeographicCRS
        ? AbstractCRS.castOrCopy(c).forConvention(AxesConvention.RIGHT_HANDED)
        : c;
  }

  /** Whether this is a geographic (longitude/latitude) CRS. */
  public boolean isGeographic() {
    return crs instanceof GeographicCRS;
  }

  /** {@code EPSG:n}, or the CRS's name when it matches no EPSG code. */
  public String label() {
    return epsg.isPresent() ? "EPSG:" + epsg.getAsInt() : crs.getName().getCode();
  }

  /** WKT 2 of the CRS. */
  public String wkt() {
    return crs instanceof org.apache.sis.io.wkt.FormattableObject f
        ? f.toString(org.apache.sis.io.wkt.Convention.WKT2)
        : crs.toWKT();
  }

  /** Longitude/latitude (degrees) to this CRS's x/y. */
  public UnaryOperator<double[]> fromLonLat() {
    return Transforms.operator(transform(lonLatCrs(), crs));
  }

  /** This CRS's x/y to longitude/latitude (degrees). */
  public UnaryOperator<double[]> toLonLat() {
    return Transforms.operator(transform(crs, lonLatCrs()));
  }

  /** The transform from this CRS's x/y to another's. */
  public MathTransform to(GridCrs target) {
    return transform(crs, target.crs);
  }

  /**
   * The transform between two CRSs, through WGS 84 longitude/latitude. A projected CRS is reached
   * from its base CRS by its own conversion rather than by {@code CRS.findOperation}, which for a
   * CRS with no EPSG code scans the whole EPSG dataset (about 15 s).
   */
  static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
    if (Utilities.equalsIgnoreMetadata(from, to)) {
      return MathTransforms.identity(2);
    }
    try {
      return MathTransforms.concatenate(fromLonLat(from).inverse(), fromLonLat(to));
    } catch (NoninvertibleTransformException e) {
      throw new IllegalArgumentException(
          "no inverse of the projection of " + from.getName() + ": " + e.getMessage(), e);
    }
  }

  private static MathTransform fromLonLat(CoordinateReferenceSystem c) {
    if (c instanceof ProjectedCRS p) {
      return MathTransforms.concatenate(
          find(lonLatCrs(), p.getBaseCRS()), p.getConversionFromBase().getMathTransform());
    }
    return find(lonLatCrs(), c);
  }

  private static MathTransform find(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
    if (Utilities.equalsIgnoreMetadata(from, to)) {
      return MathTransforms.identity(2);
    }
    try {
      return CRS.findOperation(from, to, null).getMathTransform();
    } catch (FactoryException e) {
      throw new IllegalArgumentException(
          "no coordinate operation from " + from.getName() + " to " + to.getName() + ": "
              + e.getMessage(),
          e);
    }
  }
}
