package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ucar.ma2.Array;

/** Stores written by zarr-python/numcodecs and xarray are read with exact values. */
class PythonToJavaTest {
  @TempDir static Path tmp;

  static final List<String> DTYPES = List.of("|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f4", "<f8",
      ">i2", ">i4", ">i8", ">u2", ">u4", ">u8", ">f4", ">f8");

  static final String SCRIPT = """
      import sys, numpy as np, zarr
      from numcodecs import Zlib, Zstd, Blosc
      root = sys.argv[1]
      comps = {"none": None, "zlib1": Zlib(level=1), "zlib9": Zlib(level=9), "zstd1": Zstd(level=1),
          "zstd10": Zstd(level=10), "blosc_lz4": Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE),
          "blosc_zstd_bit": Blosc(cname="zstd", clevel=3, shuffle=Blosc.BITSHUFFLE),
          "blosc_blosclz_noshuffle": Blosc(cname="blosclz", clevel=9, shuffle=Blosc.NOSHUFFLE),
          "blosc_lz4hc_auto": Blosc(cname="lz4hc", clevel=4, shuffle=Blosc.AUTOSHUFFLE),
          "blosc_zlib": Blosc(cname="zlib", clevel=1, shuffle=Blosc.SHUFFLE)}
      dtypes = sys.argv[2].split(",")
      def values(dt, n):
          dt = np.dtype(dt)
          if dt.kind == "f":
              return (np.arange(n) * 0.25 - 7).astype(dt)
          return (np.arange(n, dtype="u8") * np.uint64(0x9E3779B97F4A7C15) + np.uint64(12345)).astype(dt)
      def name(dt):
          return dt.replace("<", "le_").replace(">", "be_").replace("|", "")
      for cname, comp in comps.items():
          g = zarr.open_group(f"{root}/{cname}.zarr", mode="w")
          g.attrs["compressor"] = cname
          g.attrs["nan"] = float("nan")
          for dt in dtypes:
              a = g.create_dataset(name(dt) + "_1d", shape=(10,), chunks=(3,), dtype=dt, compressor=comp, fill_value=None)
              a[...] = values(dt, 10)
              a.attrs["_ARRAY_DIMENSIONS"] = ["x"]
              b = g.create_dataset(name(dt) + "_2d", shape=(7, 5), chunks=(3, 2), dtype=dt, compressor=comp)
              b[...] = values(dt, 35).reshape(7, 5)
              b.attrs["_ARRAY_DIMENSIONS"] = ["y", "x5"]
          p = g.create_dataset("partial_nan", shape=(4, 6), chunks=(2, 4), dtype="<f4", compressor=comp, fill_value=np.nan)
          p[0:2, 0:4] = 1.5
          q = g.create_dataset("partial_int", shape=(5,), chunks=(2,), dtype="<i4", compressor=comp, fill_value=-999)
          q[2:4] = [7, 8]
          s = g.create_dataset("scalar", shape=(), dtype="<f8", compressor=comp, fill_value=None)
          s[...] = 3.25
          n = g.create_dataset("nested", shape=(4, 4), chunks=(2, 3), dtype="<i2", compressor=comp, dimension_separator="/")
          n[...] = np.arange(16).reshape(4, 4)
          zarr.consolidate_metadata(g.store)
      """;

  static final String XARRAY_SCRIPT = """
      import sys, numpy as np, xarray as xr
      from numcodecs import Zstd
      ds = xr.Dataset(
          {"temp": (("time", "lat", "lon"), np.arange(24, dtype="f4").reshape(2, 3, 4), {"units": "K", "long_name": "air temperature"}),
           "count": (("time",), np.array([1, 2], dtype="i4"))},
          coords={"lat": [10.0, 20.0, 30.0]},
          attrs={"title": "xr", "nan_attr": float("nan"), "ints": [1, 2, 3]})
      ds.to_zarr(sys.argv[1], consolidated=True, encoding={"temp": {"compressor": Zstd(level=5), "chunks": (1, 2, 3)}})
      """;

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("none", Compressor.none()), Arguments.of("zlib1", Compressor.zlib(1)),
        Arguments.of("zlib9", Compressor.zlib(9)), Arguments.of("zstd1", Compressor.zstd(1)),
        Arguments.of("zstd10", Compressor.zstd(10)), Arguments.of("blosc_lz4", Compressor.blosc("lz4", 5, 1)),
        Arguments.of("blosc_zstd_bit", Compressor.blosc("zstd", 3, 2)),
        Arguments.of("blosc_blosclz_noshuffle", Compressor.blosc("blosclz", 9, 0)),
        Arguments.of("blosc_lz4hc_auto", Compressor.blosc("lz4hc", 4, -1)),
        Arguments.of("blosc_zlib", Compressor.blosc("zlib", 1, 1)));
  }

  @BeforeAll
  static void writeStoresWithPython() {
    PythonTools.requireZarr();
    PythonTools.run(SCRIPT, tmp.toString(), String.join(",", DTYPES));
    PythonTools.run(XARRAY_SCRIPT, tmp.resolve("xarray.zarr").toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void readsEveryDtypeExactly(String store, Compressor compressor) {
    ZarrReader r = ZarrReader.open(tmp.resolve(store + ".zarr"));
    assertThat(r.groupAttributes()).isEqualTo(Map.of("compressor", store, "nan", Double.NaN));
    for (String typestr : DTYPES) {
      ZarrDType d = ZarrDType.parse(typestr);
      String name = typestr.replace("<", "le_").replace(">", "be_").replace("|", "");
      assertThat(r.metadata(name + "_1d"))
          .isEqualTo(new ArrayMetadata(new int[] {10}, new int[] {3}, d, compressor, null));
      assertThat(r.metadata(name + "_2d").fillValue()).as("zarr-python default fill").isEqualTo(d.isFloatingPoint() ? (Number) 0.0 : (Number) 0L);
      assertThat(r.dimensions(name + "_2d")).containsExactly("y", "x5");
      TestArrays.assertSameArray(r.read(name + "_1d"), TestArrays.sample(d, 10));
      Array full = TestArrays.sample(d, 7, 5);
      TestArrays.assertSameArray(r.read(name + "_2d"), full);
      int[] origin = {2, 1};
      int[] shape = {4, 3};
      TestArrays.assertSameArray(r.read(name + "_2d", origin, shape), TestArrays.copyOfRegion(full, origin, shape));
    }
    float n = Float.NaN;
    assertThat((float[]) r.read("partial_nan").copyTo1DJavaArray()).containsExactly(
        1.5f, 1.5f, 1.5f, 1.5f, n, n, 1.5f, 1.5f, 1.5f, 1.5f, n, n, n, n, n, n, n, n, n, n, n, n, n, n);
    assertThat((int[]) r.read("partial_int").copyTo1DJavaArray()).containsExactly(-999, -999, 7, 8, -999);
    assertThat(r.read("scalar").getDouble(0)).isEqualTo(3.25);
    assertThat(r.read("scalar").getRank()).isZero();
    short[] nested = (short[]) r.read("nested").copyTo1DJavaArray();
    for (int i = 0; i < 16; i++) {
      assertThat(nested[i]).as("'/' dimension separator, element %d", i).isEqualTo((short) i);
    }
  }

  @Test
  void readsPerFileMetadataWhenStoreIsNotConsolidated() throws IOException {
    Path copy = tmp.resolve("copy.zarr");
    try (Stream<Path> files = Files.walk(tmp.resolve("zstd1.zarr"))) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(tmp.resolve("zstd1.zarr").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals(".zmetadata")) {
          Files.copy(p, target);
        }
      }
    }
    ZarrReader plain = ZarrReader.open(copy);
    ZarrReader consolidated = ZarrReader.open(tmp.resolve("zstd1.zarr"));
    assertThat(plain.arrayNames()).isEqualTo(consolidated.arrayNames()).contains("le_f8_2d", "nested", "scalar");
    for (String name : plain.arrayNames()) {
      assertThat(plain.metadata(name)).isEqualTo(consolidated.metadata(name));
      TestArrays.assertSameArray(plain.read(name), consolidated.read(name));
    }
  }

  @Test
  void readsXarrayDatasetDimensionsAttributesAndValues() {
    ZarrReader r = ZarrReader.open(tmp.resolve("xarray.zarr"));
    assertThat(r.arrayNames()).containsExactly("count", "lat", "temp");
    assertThat(r.groupAttributes()).isEqualTo(Map.of("title", "xr", "nan_attr", Double.NaN, "ints", List.of(1L, 2L, 3L)));
    assertThat(r.dimensions("temp")).containsExactly("time", "lat", "lon");
    assertThat(r.dimensions("lat")).containsExactly("lat");
    assertThat(r.attributes("temp")).isEqualTo(Map.of("units", "K", "long_name", "air temperature"));
    ArrayMetadata m = r.metadata("temp");
    assertThat(m.chunks()).containsExactly(1, 2, 3);
    assertThat(m.compressor()).isEqualTo(Compressor.zstd(5));
    assertThat(m.fillValue()).isEqualTo(Double.NaN);
    float[] temp = (float[]) r.read("temp").copyTo1DJavaArray();
    for (int i = 0; i < 24; i++) {
      assertThat(temp[i]).isEqualTo((float) i);
    }
    assertThat((float[]) r.read("temp", new int[] {1, 1, 2}, new int[] {1, 2, 2}).copyTo1DJavaArray())
        .containsExactly(18f, 19f, 22f, 23f);
    assertThat((double[]) r.read("lat").copyTo1DJavaArray()).containsExactly(10.0, 20.0, 30.0);
    assertThat((int[]) r.read("count").copyTo1DJavaArray()).containsExactly(1, 2);
  }
}
