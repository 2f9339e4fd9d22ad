package org.headwater.pipeline.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EPSG:3413 against points projected by PROJ ({@code cs2cs EPSG:4326 EPSG:3413}). */
class PolarStereographicTest {
  private final PolarStereographic p = PolarStereographic.epsg3413();

  @ParameterizedTest
  @CsvSource({
    "-45, 90, 0, 0",
    "-45, 70, 0, -2187927.6493",
    "0, 60, 2349829.1623, -2349829.1623",
    "-90, 75, -1155327.2723, -1155327.2723",
    "-30, 65, 711816.4758, -2656535.2532",
    "135, 80, 0, 1085920.2974"
  })
  void forwardMatchesProj(double lon, double lat, double x, double y) {
    double[] xy = p.forward(lon, lat);
    assertThat(xy[0]).isCloseTo(x, Offset.offset(0.01));
    assertThat(xy[1]).isCloseTo(y, Offset.offset(0.01));
  }

  @ParameterizedTest
  @CsvSource({
    "-45, 70, 0, -2187927.6493",
    "0, 60, 2349829.1623, -2349829.1623",
    "-30, 65, 711816.4758, -2656535.2532"
  })
  void inverseMatchesProj(double lon, double lat, double x, double y) {
    double[] ll = p.inverse(x, y);
    assertThat(ll[0]).isCloseTo(lon, Offset.offset(1e-7));
    assertThat(ll[1]).isCloseTo(lat, Offset.offset(1e-7));
  }
}
