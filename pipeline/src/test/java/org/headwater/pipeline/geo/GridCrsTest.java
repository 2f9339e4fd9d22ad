package org.headwater.pipeline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CF grid mappings through Apache SIS, against points projected by PROJ ({@code cs2cs EPSG:4326
 * EPSG:3413}).
 */
class GridCrsTest {
  private static final List<Attribute> NSIDC_NORTH = List.of(
      Attribute.text("grid_mapping_name", "polar_stereographic"),
      Attribute.numbers("latitude_of_projection_origin", DType.FLOAT64, 90.0),
      Attribute.numbers("standard_parallel", DType.FLOAT64, 70.0),
      Attribute.numbers("straight_vertical_longitude_from_pole", DType.FLOAT64, -45.0),
      Attribute.numbers("false_easting", DType.FLOAT64, 0.0),
      Attribute.numbers("false_northing", DType.FLOAT64, 0.0),
      Attribute.numbers("semi_major_axis", DType.FLOAT64, 6378137.0),
      Attribute.numbers("inverse_flattening", DType.FLOAT64, 298.257223563));

  @ParameterizedTest
  @CsvSource({
    "-45, 90, 0, 0",
    "-45, 70, 0, -2187927.6493",
    "0, 60, 2349829.1623, -2349829.1623",
    "-90, 75, -1155327.2723, -1155327.2723",
    "-30, 65, 711816.4758, -2656535.2532",
    "135, 80, 0, 1085920.2974"
  })
  void cfPolarStereographicProjectsLikeProj(double lon, double lat, double x, double y) {
    double[] xy = GridMappings.crs(NSIDC_NORTH).fromLonLat().apply(new double[] {lon, lat});
    assertThat(xy[0]).isCloseTo(x, Offset.offset(0.01));
    assertThat(xy[1]).isCloseTo(y, Offset.offset(0.01));
  }

  @ParameterizedTest
  @CsvSource({
    "-45, 70, 0, -2187927.6493",
    "0, 60, 2349829.1623, -2349829.1623",
    "-30, 65, 711816.4758, -2656535.2532"
  })
  void epsg3413InverseMatchesProj(double lon, double lat, double x, double y) {
    double[] ll = GridCrs.of("EPSG:3413").toLonLat().apply(new double[] {x, y});
    assertThat(ll[0]).isCloseTo(lon, Offset.offset(1e-7));
    assertThat(ll[1]).isCloseTo(lat, Offset.offset(1e-7));
  }

  @Test
  void nsidcNorthGridIsEpsg3413() {
    assertThat(GridMappings.crs(NSIDC_NORTH).epsg()).hasValue(3413);
  }

  @Test
  void anotherCentralMeridianMatchesNoEpsgCode() {
    List<Attribute> m = new java.util.ArrayList<>(NSIDC_NORTH);
    m.set(3, Attribute.numbers("straight_vertical_longitude_from_pole", DType.FLOAT64, -40.0));
    GridCrs crs = GridMappings.crs(m);
    assertThat(crs.epsg()).isEmpty();
    assertThat(crs.wkt()).contains("Polar Stereographic (variant B)").contains("-40");
  }

  @Test
  void rejectsAnUnknownEpsgCode() {
    assertThatThrownBy(() -> GridCrs.of("EPSG:999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'EPSG:999999' is not a CRS")
        .hasMessageContaining("give an EPSG code such as EPSG:3413");
  }

  @Test
  void rejectsAnUnsupportedGridMapping() {
    assertThatThrownBy(() -> GridMappings.crs(
            List.of(Attribute.text("grid_mapping_name", "rotated_latitude_longitude"))))
        .hasMessageContaining("'rotated_latitude_longitude' is not supported yet");
  }
}
