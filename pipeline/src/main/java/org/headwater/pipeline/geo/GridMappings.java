package org.headwater.pipeline.geo;

import java.util.List;
import java.util.function.UnaryOperator;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;

/** Projections from CF {@code grid_mapping} attributes. */
public final class GridMappings {
  private GridMappings() {}

  /**
   * The lon/lat to grid x/y transform of a grid mapping, or identity for {@code
   * latitude_longitude}.
   *
   * @throws IllegalArgumentException naming the grid mapping when it is not supported
   */
  public static UnaryOperator<double[]> forward(List<Attribute> mapping) {
    String name = Attributes.text(mapping, "grid_mapping_name");
    if ("latitude_longitude".equals(name)) {
      return p -> p;
    }
    if ("polar_stereographic".equals(name)) {
      PolarStereographic ps = polarStereographic(mapping);
      return p -> ps.forward(p[0], p[1]);
    }
    throw new IllegalArgumentException(
        "grid_mapping_name '" + name + "' is not supported yet (polar_stereographic and"
            + " latitude_longitude are); give the polygon in grid coordinates with crs: grid");
  }

  /** A CF {@code polar_stereographic} grid mapping (with {@code standard_parallel}). */
  public static PolarStereographic polarStereographic(List<Attribute> m) {
    double origin = number(m, "latitude_of_projection_origin", 90);
    if (Attributes.find(m, "standard_parallel").isEmpty()) {
      throw new IllegalArgumentException(
          "polar_stereographic grid mapping without standard_parallel (scale_factor_at_projection"
              + "_origin is not supported yet); give the polygon in grid coordinates with crs: grid");
    }
    double sp = Math.abs(number(m, "standard_parallel", 70)) * Math.signum(origin);
    double a = number(m, "semi_major_axis", 6378137.0);
    double invf = number(m, "inverse_flattening", 298.257223563);
    return new PolarStereographic(
        a, invf, sp,
        number(m, "straight_vertical_longitude_from_pole", 0),
        number(m, "false_easting", 0),
        number(m, "false_northing", 0));
  }

  private static double number(List<Attribute> m, String name, double fallback) {
    return Attributes.find(m, name).filter(x -> !x.isText())
        .map(x -> x.number().doubleValue()).orElse(fallback);
  }
}
