package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A raster's coordinate reference system, spelled out for metadata standards that want its parts
 * (EML's {@code horizCoordSysDef}) rather than a code.
 *
 * @param code {@code EPSG:n} when the CRS matches an EPSG code, else null
 * @param name the CRS's name, e.g. {@code WGS 84 / NSIDC Sea Ice Polar Stereographic North}
 * @param wkt OGC WKT 2 of the CRS
 * @param datum the geodetic datum's name
 * @param ellipsoid the ellipsoid's name
 * @param semiMajorAxis the ellipsoid's semi-major axis in metres
 * @param inverseFlattening the ellipsoid's inverse flattening
 * @param primeMeridian the prime meridian's longitude from Greenwich in degrees
 * @param projection the projection method's name, or null for a geographic CRS
 * @param parameters the projection's parameters (angles in degrees, lengths in {@code unit})
 * @param unit the projected axes' unit ({@code metre}), or {@code degree} for a geographic CRS
 */
public record RasterCrs(
    String code,
    String name,
    String wkt,
    String datum,
    String ellipsoid,
    double semiMajorAxis,
    double inverseFlattening,
    double primeMeridian,
    String projection,
    Map<String, Double> parameters,
    String unit)
    implements Serializable {

  public RasterCrs {
    Objects.requireNonNull(name, "name");
    parameters = Collections.unmodifiableMap(
        new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
  }

  /** Whether this is a longitude/latitude CRS. */
  public boolean geographic() {
    return projection == null;
  }
}
