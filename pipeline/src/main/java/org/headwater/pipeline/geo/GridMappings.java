package org.headwater.pipeline.geo;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;

/**
 * CRSs from CF {@code grid_mapping} variables: the {@code crs_wkt} (CF 1.7) or {@code spatial_ref}
 * (GDAL) attribute when present, else the CF parameters put in OGC WKT for Apache SIS to parse
 * (CF conventions, Appendix F; EPSG method and parameter names).
 */
public final class GridMappings {
  private GridMappings() {}

  /**
   * The lon/lat to grid x/y transform of a grid mapping, or identity for {@code
   * latitude_longitude}.
   *
   * @throws IllegalArgumentException naming the grid mapping when it is not supported
   */
  public static UnaryOperator<double[]> forward(List<Attribute> mapping) {
    if ("latitude_longitude".equals(Attributes.text(mapping, "grid_mapping_name"))) {
      return p -> p;
    }
    return crs(mapping).fromLonLat();
  }

  /**
   * The CRS a grid mapping describes.
   *
   * @throws IllegalArgumentException saying what is missing or not supported
   */
  public static GridCrs crs(List<Attribute> m) {
    for (String wktAttribute : List.of("crs_wkt", "spatial_ref")) {
      String wkt = Attributes.text(m, wktAttribute);
      if (wkt != null && !wkt.isBlank()) {
        return GridCrs.of(wkt);
      }
    }
    String name = Attributes.text(m, "grid_mapping_name");
    if ("latitude_longitude".equals(name)) {
      return GridCrs.of(geogcs(m));
    }
    String projection = switch (name == null ? "" : name) {
      case "polar_stereographic" -> polarStereographic(m);
      case "lambert_azimuthal_equal_area" -> String.format(Locale.ROOT,
          "PROJECTION[\"Lambert Azimuthal Equal Area\"],"
              + " PARAMETER[\"Latitude of natural origin\", %s],"
              + " PARAMETER[\"Longitude of natural origin\", %s], %s",
          number(m, "latitude_of_projection_origin", 0),
          number(m, "longitude_of_projection_origin", 0), falseOrigin(m));
      default -> throw new IllegalArgumentException(
          "grid_mapping_name '" + name + "' is not supported yet (polar_stereographic,"
              + " lambert_azimuthal_equal_area and latitude_longitude are, or any grid mapping with"
              + " a crs_wkt attribute)");
    };
    return GridCrs.of("PROJCS[\"" + name + "\", " + geogcs(m) + ", " + projection
        + ", UNIT[\"metre\", 1], AXIS[\"Easting\", EAST], AXIS[\"Northing\", NORTH]]");
  }

  private static String polarStereographic(List<Attribute> m) {
    double origin = number(m, "latitude_of_projection_origin", 90);
    if (Attributes.find(m, "standard_parallel").isPresent()) {
      double sp = Math.abs(number(m, "standard_parallel", 70)) * Math.signum(origin);
      return String.format(Locale.ROOT,
          "PROJECTION[\"Polar Stereographic (variant B)\"],"
              + " PARAMETER[\"Latitude of standard parallel\", %s],"
              + " PARAMETER[\"Longitude of origin\", %s], %s",
          sp, number(m, "straight_vertical_longitude_from_pole", 0), falseOrigin(m));
    }
    return String.format(Locale.ROOT,
        "PROJECTION[\"Polar Stereographic (variant A)\"],"
            + " PARAMETER[\"Latitude of natural origin\", %s],"
            + " PARAMETER[\"Longitude of natural origin\", %s],"
            + " PARAMETER[\"Scale factor at natural origin\", %s], %s",
        origin, number(m, "straight_vertical_longitude_from_pole", 0),
        number(m, "scale_factor_at_projection_origin", 1), falseOrigin(m));
  }

  private static String geogcs(List<Attribute> m) {
    double a = number(m, "semi_major_axis", number(m, "earth_radius", 6378137.0));
    double invf = Attributes.find(m, "earth_radius").isPresent()
        && Attributes.find(m, "inverse_flattening").isEmpty()
        ? 0 : number(m, "inverse_flattening", 298.257223563);
    boolean wgs84 = a == 6378137.0 && invf == 298.257223563;
    return String.format(Locale.ROOT,
        "GEOGCS[\"%s\", DATUM[\"%s\", SPHEROID[\"%s\", %s, %s]], PRIMEM[\"Greenwich\", 0],"
            + " UNIT[\"degree\", 0.017453292519943295], AXIS[\"Longitude\", EAST],"
            + " AXIS[\"Latitude\", NORTH]]",
        wgs84 ? "WGS 84" : "CF", wgs84 ? "World Geodetic System 1984" : "CF datum",
        wgs84 ? "WGS 84" : "CF ellipsoid", a, invf);
  }

  private static String falseOrigin(List<Attribute> m) {
    return String.format(Locale.ROOT,
        "PARAMETER[\"False easting\", %s], PARAMETER[\"False northing\", %s]",
        number(m, "false_easting", 0), number(m, "false_northing", 0));
  }

  private static double number(List<Attribute> m, String name, double fallback) {
    return Attributes.find(m, name).filter(x -> !x.isText())
        .map(x -> x.number().doubleValue()).orElse(fallback);
  }
}
