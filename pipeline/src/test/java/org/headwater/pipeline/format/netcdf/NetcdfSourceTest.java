package org.headwater.pipeline.format.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ucar.ma2.Array;

/** CF decoding of real NetCDF-4/HDF5 and NetCDF-3 files made by Debian's ncgen. */
class NetcdfSourceTest {
  @TempDir Path tmp;

  private static final String CDL =
      String.join("\n",
          "netcdf t {",
          "dimensions: time = 2 ; y = 2 ; x = 3 ;",
          "variables:",
          "  double time(time) ; time:units = \"days since 2000-01-01\" ; time:calendar = \"360_day\" ;",
          "  short temp(time, y, x) ; temp:scale_factor = 0.01f ; temp:add_offset = 273.15f ;",
          "    temp:_FillValue = -32768s ; temp:valid_range = -30000s, 30000s ; temp:units = \"K\" ;",
          "  KIND_UBYTE",
          "  float prec(time, y, x) ; prec:missing_value = -1.f ; prec:units = \"mm\" ;",
          "  int count(y, x) ; count:_FillValue = -9 ;",
          "  :title = \"cf decoding\" ;",
          "data:",
          "  time = 0, 30 ;",
          "  temp = 0, 100, -32768, 200, 300, 31000, 1, 2, 3, 4, 5, 6 ;",
          "  KIND_FLAGS",
          "  prec = 1, -1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ;",
          "  count = 1, -9, 3, 4, 5, 6 ;",
          "}");

  private Path ncgen(String kind) throws Exception {
    boolean nc4 = kind.equals("nc4");
    String cdl = CDL
        .replace("KIND_UBYTE", nc4 ? "ubyte flags(time, y, x) ; flags:_FillValue = 255UB ;" : "")
        .replace("KIND_FLAGS", nc4 ? "flags = 0, 1, 255, 200, 4, 5, 6, 7, 8, 9, 10, 11 ;" : "");
    Path src = Files.writeString(tmp.resolve(kind + ".cdl"), cdl);
    return ExternalTools.ncgen(src, kind, tmp.resolve(kind + ".nc"));
  }

  @Test
  void decodesPackedFillValidRangeUnsignedAndMissingValueInNetcdf4() throws Exception {
    try (NetcdfSource s = NetcdfSource.open(ncgen("nc4"), "https://example.org/t.nc")) {
      Variable temp = s.schema().variable("temp");
      assertThat(temp.dtype()).isEqualTo(DType.FLOAT32);
      assertThat(Attributes.find(temp.attributes(), "scale_factor")).isEmpty();
      assertThat(Attributes.find(temp.attributes(), "valid_range")).isEmpty();
      assertThat(temp.attributeText("units")).isEqualTo("K");
      Array t = s.readAll("temp");
      assertThat(t.getFloat(0)).isEqualTo(273.15f);
      assertThat(t.getFloat(1)).isEqualTo((float) (100 * (double) 0.01f + 273.15f));
      assertThat(t.getFloat(2)).as("_FillValue").isNaN();
      assertThat(t.getFloat(5)).as("outside valid_range").isNaN();

      Variable flags = s.schema().variable("flags");
      assertThat(flags.dtype()).isEqualTo(DType.UINT8);
      assertThat(flags.fillValue().intValue() & 0xff).isEqualTo(255);
      Array f = s.readAll("flags");
      assertThat(f.getByte(3) & 0xff).as("unsigned value kept").isEqualTo(200);

      Array prec = s.readAll("prec");
      assertThat(prec.getFloat(1)).as("missing_value").isNaN();
      assertThat(prec.getFloat(2)).isEqualTo(2f);
      assertThat(s.schema().variable("prec").attributes()).noneMatch(a -> a.name().equals("missing_value"));

      Variable count = s.schema().variable("count");
      assertThat(count.dtype()).as("unpacked integers are not decoded").isEqualTo(DType.INT32);
      assertThat(count.fillValue()).isEqualTo(-9);
      assertThat(s.readAll("count").getInt(1)).isEqualTo(-9);

      Variable time = s.schema().variable("time");
      assertThat(time.attributeText("calendar")).isEqualTo("360_day");
      assertThat(s.readAll("time").getDouble(1)).isEqualTo(30.0);
      assertThat(Attributes.text(s.schema().attributes(), "title")).isEqualTo("cf decoding");
    }
  }

  @Test
  void readsRegionsOfNetcdf3() throws Exception {
    try (NetcdfSource s = NetcdfSource.open(ncgen("classic"), "t.nc")) {
      Array region = s.read("temp", new int[] {1, 1, 0}, new int[] {1, 1, 3});
      assertThat(region.getShape()).containsExactly(1, 1, 3);
      assertThat(region.getFloat(0)).isEqualTo((float) (4 * (double) 0.01f + 273.15f));
    }
  }

  @Test
  void corruptFileIsNamed() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.nc"), "CDF garbage");
    assertThatThrownBy(() -> NetcdfSource.open(bad, "https://example.org/bad.nc"))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("https://example.org/bad.nc is not a readable NetCDF file");
  }
}
