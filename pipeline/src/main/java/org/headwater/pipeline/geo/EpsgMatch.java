package org.headwater.pipeline.geo;

import java.util.List;
import java.util.OptionalInt;
import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.metadata.Identifier;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.referencing.datum.GeodeticDatum;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;

/**
 * The EPSG code of a CRS built from a CF grid mapping, by numerical equivalence (the EPSG terms of
 * use's own criterion): SIS's identifier lookup does not find EPSG:3413 for a CF polar
 * stereographic grid, because EPSG:3413's axes point "South along 45°E/135°E" rather than east
 * and north. A candidate matches when points across its area of use project to within 1 mm.
 */
final class EpsgMatch {
  /** Polar and equal-area grids of the cryosphere archives (NSIDC, QGreenland). */
  private static final List<Integer> CANDIDATES = List.of(3413, 3031, 3976, 3995, 6931, 6932);

  private static final double TOLERANCE_METRES = 1e-3;

  private EpsgMatch() {}

  static OptionalInt of(CoordinateReferenceSystem crs) {
    Identifier id = IdentifiedObjects.getIdentifier(crs, Citations.EPSG);
    if (id != null && id.getCode().matches("\\d+")) {
      return OptionalInt.of(Integer.parseInt(id.getCode())); // WKT with ID["EPSG", n]
    }
    if (crs instanceof GeographicCRS g) {
      GeodeticDatum datum = DatumOrEnsemble.asDatum(g); // an ensemble for WGS 84 in SIS 1.6
      Ellipsoid e = datum.getEllipsoid();
      boolean wgs84 = Utilities.equalsIgnoreMetadata(crs, GridCrs.lonLatCrs())
          || e.getSemiMajorAxis() == 6378137.0
              && Math.abs(e.getInverseFlattening() - 298.257223563) < 1e-9
              && datum.getPrimeMeridian().getGreenwichLongitude() == 0;
      return wgs84 ? OptionalInt.of(4326) : OptionalInt.empty();
    }
    for (int code : CANDIDATES) {
      try {
        CoordinateReferenceSystem c = CRS.forCode("EPSG:" + code);
        if (sameNumbers(crs, c)) {
          return OptionalInt.of(code);
        }
      } catch (FactoryException e) {
        throw new IllegalStateException("the EPSG dataset has no EPSG:" + code, e);
      }
    }
    return OptionalInt.empty();
  }

  private static boolean sameNumbers(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
    var box = CRS.getGeographicBoundingBox(b);
    if (box == null) {
      return false;
    }
    MathTransform ta = GridCrs.transform(GridCrs.lonLatCrs(), a);
    MathTransform tb = GridCrs.transform(GridCrs.lonLatCrs(), b);
    int n = 7;
    double[] pa = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double lon = box.getWestBoundLongitude()
            + (box.getEastBoundLongitude() - box.getWestBoundLongitude()) * i / (n - 1);
        double lat = box.getSouthBoundLatitude()
            + (box.getNorthBoundLatitude() - box.getSouthBoundLatitude()) * (j + 0.5) / n;
        pa[2 * (i * n + j)] = lon;
        pa[2 * (i * n + j) + 1] = lat;
      }
    }
    double[] pb = pa.clone();
    Transforms.transform(ta, pa, n * n);
    Transforms.transform(tb, pb, n * n);
    for (int k = 0; k < pa.length; k++) {
      if (!(Math.abs(pa[k] - pb[k]) <= TOLERANCE_METRES)) {
        return false;
      }
    }
    return true;
  }
}
