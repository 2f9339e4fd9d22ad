package org.headwater.pipeline.geo;

/**
 * The ellipsoidal polar stereographic projection (Snyder 1987, "Map Projections: A Working
 * Manual", §21), north or south, parameterised by a standard parallel as CF's {@code
 * polar_stereographic} grid mapping is. EPSG:3413 (NSIDC Sea Ice Polar Stereographic North) is
 * {@link #epsg3413()}.
 *
 * @param semiMajor ellipsoid semi-major axis in metres
 * @param inverseFlattening ellipsoid inverse flattening
 * @param standardParallel latitude of true scale in degrees (negative for the south pole)
 * @param centralMeridian straight vertical longitude from the pole in degrees
 * @param falseEasting false easting in metres
 * @param falseNorthing false northing in metres
 */
public record PolarStereographic(
    double semiMajor,
    double inverseFlattening,
    double standardParallel,
    double centralMeridian,
    double falseEasting,
    double falseNorthing) {

  /** EPSG:3413: WGS 84, true scale at 70°N, central meridian 45°W. */
  public static PolarStereographic epsg3413() {
    return new PolarStereographic(6378137.0, 298.257223563, 70.0, -45.0, 0, 0);
  }

  private double e() {
    double f = 1.0 / inverseFlattening;
    return Math.sqrt(2 * f - f * f);
  }

  private boolean south() {
    return standardParallel < 0;
  }

  private double scaleTerm() {
    double e = e();
    double phic = Math.toRadians(Math.abs(standardParallel));
    double mc = Math.cos(phic) / Math.sqrt(1 - e * e * Math.sin(phic) * Math.sin(phic));
    return semiMajor * mc / t(phic, e);
  }

  private static double t(double phi, double e) {
    double s = e * Math.sin(phi);
    return Math.tan(Math.PI / 4 - phi / 2) / Math.pow((1 - s) / (1 + s), e / 2);
  }

  /** Projects longitude/latitude (degrees) to x/y (metres). */
  public double[] forward(double lonDeg, double latDeg) {
    double sign = south() ? -1 : 1;
    double phi = Math.toRadians(sign * latDeg);
    double dl = Math.toRadians(sign * (lonDeg - centralMeridian));
    double rho = scaleTerm() * t(phi, e());
    double x = rho * Math.sin(dl);
    double y = -rho * Math.cos(dl);
    return new double[] {sign * x + falseEasting, sign * y + falseNorthing};
  }

  /** Inverse: x/y (metres) to longitude/latitude (degrees). */
  public double[] inverse(double xm, double ym) {
    double sign = south() ? -1 : 1;
    double x = sign * (xm - falseEasting);
    double y = sign * (ym - falseNorthing);
    double e = e();
    double rho = Math.hypot(x, y);
    double t = rho / scaleTerm();
    double chi = Math.PI / 2 - 2 * Math.atan(t);
    double e2 = e * e;
    double e4 = e2 * e2;
    double e6 = e4 * e2;
    double e8 = e4 * e4;
    double phi =
        chi
            + (e2 / 2 + 5 * e4 / 24 + e6 / 12 + 13 * e8 / 360) * Math.sin(2 * chi)
            + (7 * e4 / 48 + 29 * e6 / 240 + 811 * e8 / 11520) * Math.sin(4 * chi)
            + (7 * e6 / 120 + 81 * e8 / 1120) * Math.sin(6 * chi)
            + (4279 * e8 / 161280) * Math.sin(8 * chi);
    double lambda = Math.atan2(x, -y);
    double lon = centralMeridian + sign * Math.toDegrees(lambda);
    lon = ((lon + 540) % 360) - 180;
    return new double[] {lon, sign * Math.toDegrees(phi)};
  }
}
