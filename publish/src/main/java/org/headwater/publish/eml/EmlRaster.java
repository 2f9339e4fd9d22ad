package org.headwater.publish.eml;

import java.util.Map;
import org.headwater.provenance.record.RasterCrs;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.publish.internal.XmlOut;

/**
 * The {@code spatialRaster} elements after the attribute list (EML 2.2.0 {@code
 * eml-spatialRaster.xsd}, in its order): spatial reference, accuracies, cell size, bands, origin,
 * rows and columns, verticals, cell geometry. WGS 84 longitude/latitude is named by EML's
 * dictionary ({@code GCS_WGS_1984}); any other CRS is defined by its datum, ellipsoid and
 * projection parameters, named with its EPSG code.
 */
final class EmlRaster {
  /** EML's dictionary name of WGS 84 longitude/latitude ({@code eml-spatialReference.xsd}). */
  static final String WGS84_NAME = "GCS_WGS_1984";

  private EmlRaster() {}

  static void write(XmlOut x, RasterRecord r) {
    spatialReference(x, r.crs());
    x.start("horizontalAccuracy").leaf("accuracyReport",
        "Not assessed: cells lie on the source grid or on its reprojection;"
        + " Headwater does not estimate positional error.").end();
    x.start("verticalAccuracy").leaf("accuracyReport", "Not applicable: a two-dimensional grid.").end();
    x.leaf("cellSizeXDirection", r.cellSizeX());
    x.leaf("cellSizeYDirection", r.cellSizeY());
    x.leaf("numberOfBands", r.bands());
    x.leaf("rasterOrigin", "Upper Left");
    x.leaf("rows", r.rows());
    x.leaf("columns", r.columns());
    x.leaf("verticals", 1);
    x.leaf("cellGeometry", "pixel");
  }

  private static void spatialReference(XmlOut x, RasterCrs crs) {
    x.start("spatialReference");
    if ("EPSG:4326".equals(crs.code())) {
      x.leaf("horizCoordSysName", WGS84_NAME);
    } else {
      x.start("horizCoordSysDef").attr("name",
          crs.code() == null ? crs.name() : crs.name() + " (" + crs.code() + ")");
      if (crs.geographic()) {
        geogCoordSys(x, crs);
      } else {
        x.start("projCoordSys");
        geogCoordSys(x, crs);
        x.start("projection").attr("name", crs.projection());
        for (Map.Entry<String, Double> p : crs.parameters().entrySet()) {
          x.start("parameter").attr("name", p.getKey()).attr("value", p.getValue()).end();
        }
        x.start("unit").attr("name", "metre".equals(crs.unit()) ? "meter" : crs.unit()).end();
        x.end().end();
      }
      x.end();
    }
    x.end();
  }

  private static void geogCoordSys(XmlOut x, RasterCrs crs) {
    x.start("geogCoordSys");
    x.start("datum").attr("name", crs.datum()).end();
    x.start("spheroid").attr("name", crs.ellipsoid()).attr("semiAxisMajor", crs.semiMajorAxis())
        .attr("denomFlatRatio", crs.inverseFlattening()).end();
    x.start("primeMeridian").attr("name", crs.primeMeridian() == 0 ? "Greenwich" : "unnamed")
        .attr("longitude", crs.primeMeridian()).end();
    x.start("unit").attr("name", "degree").end();
    x.end();
  }
}
