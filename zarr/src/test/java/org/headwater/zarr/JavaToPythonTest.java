package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.headwater.zarr.internal.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ucar.ma2.Array;
import ucar.ma2.DataType;

/** Stores written by this module open in xarray/zarr-python with the values, dims and attrs written. */
class JavaToPythonTest {
  @TempDir Path tmp;

  static final String SCRIPT = """
      import json, sys
      import numpy as np, xarray as xr, zarr
      path = sys.argv[1]
      def plain(v):
          if isinstance(v, np.ndarray): return v.tolist()
          if isinstance(v, np.generic): return v.item()
          if isinstance(v, (list, tuple)): return [plain(x) for x in v]
          return v
      ds = xr.open_zarr(path, consolidated=True, chunks=None, decode_times=False)
      g = zarr.open_consolidated(path, mode="r")
      out = {"attrs": {k: plain(v) for k, v in ds.attrs.items()},
             "sizes": {k: int(v) for k, v in ds.sizes.items()}, "vars": {}}
      for name in ds.variables:
          v, z = ds.variables[name], g[name]
          out["vars"][name] = {"dims": list(v.dims), "dtype": str(v.dtype),
              "attrs": {k: plain(x) for k, x in v.attrs.items()}, "values": plain(v.values),
              "raw": plain(z[...]), "compressor": z.compressor.get_config() if z.compressor else None}
      print(json.dumps(out))
      """;

  static List<Compressor> compressors() {
    return List.of(Compressor.none(), Compressor.zlib(4), Compressor.zstd(3), Compressor.blosc("lz4", 5, 1),
        Compressor.blosc("zstd", 3, 2), Compressor.blosc("blosclz", 9, 0));
  }

  @BeforeAll
  static void tools() {
    PythonTools.requireZarr();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compressors")
  @SuppressWarnings("unchecked")
  void xarrayOpensConsolidatedStoreWithExactValues(Compressor c) {
    Path store = tmp.resolve("java.zarr");
    ZarrWriter w = ZarrWriter.create(store);
    w.setGroupAttributes(Map.of("title", "written by Java", "missing", Double.NaN, "levels", new int[] {1, 2, 3}));
    for (ZarrDType d : ZarrDType.values()) {
      ArrayMetadata m = new ArrayMetadata(new int[] {5, 3}, new int[] {2, 2}, d, c, null);
      w.createArray(varName(d), List.of("time", "lat"), m, Map.of("dtype_name", d.name()));
      TestArrays.writeAll(w, varName(d), m, TestArrays.sample(d, 5, 3));
    }
    ArrayMetadata tm = new ArrayMetadata(new int[] {5, 3, 4}, new int[] {2, 2, 3}, ZarrDType.FLOAT32, c, Double.NaN);
    Array temp = TestArrays.sample(ZarrDType.FLOAT32, 5, 3, 4);
    temp.setFloat(7, Float.NaN);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("units", "K");
    attrs.put("valid_range", new float[] {200f, 330f});
    attrs.put("comment", "température");
    w.createArray("temp", List.of("time", "lat", "lon"), tm, attrs);
    TestArrays.writeAll(w, "temp", tm, temp);
    ArrayMetadata hm = new ArrayMetadata(new int[] {3}, new int[] {2}, ZarrDType.INT16, c, -999);
    w.createArray("height", List.of("lat"), hm, Map.of());
    TestArrays.writeAll(w, "height", hm, Array.factory(DataType.SHORT, new int[] {3}, new short[] {100, -999, 300}));
    ArrayMetadata sm = new ArrayMetadata(new int[0], new int[0], ZarrDType.FLOAT64, c, null);
    w.createArray("scalar", List.of(), sm, Map.of("units", "1"));
    w.writeChunk("scalar", new int[0], Array.factory(DataType.DOUBLE, new int[0], new double[] {3.25}));
    ArrayMetadata pm = new ArrayMetadata(new int[] {5}, new int[] {2}, ZarrDType.FLOAT64, c, Double.NaN);
    w.createArray("partial", List.of("time"), pm, Map.of());
    w.writeChunk("partial", new int[] {0}, Array.factory(DataType.DOUBLE, new int[] {2}, new double[] {0.5, 1.5}));
    w.consolidate();

    Map<String, Object> out = (Map<String, Object>) Json.parseValue(PythonTools.run(SCRIPT, store.toString()));
    assertThat(out.get("sizes")).isEqualTo(Map.of("time", 5L, "lat", 3L, "lon", 4L));
    assertThat(out.get("attrs")).isEqualTo(Map.of("title", "written by Java", "missing", "NaN", "levels", List.of(1L, 2L, 3L)));
    Map<String, Map<String, Object>> vars = (Map<String, Map<String, Object>>) out.get("vars");
    assertThat(vars.keySet()).hasSize(ZarrDType.values().length + 4);
    for (ZarrDType d : ZarrDType.values()) {
      Map<String, Object> v = vars.get(varName(d));
      List<Object> expected = TestArrays.jsonValues(TestArrays.sample(d, 5, 3));
      assertThat(v.get("dims")).as(d.name()).isEqualTo(List.of("time", "lat"));
      assertThat(v.get("dtype")).as(d.name()).isEqualTo(numpyName(d));
      assertThat(TestArrays.flatten(v.get("raw"))).as(d.name()).isEqualTo(expected);
      assertThat(TestArrays.flatten(v.get("values"))).as(d.name()).isEqualTo(expected);
      Map<String, Object> config = (Map<String, Object>) v.get("compressor");
      assertThat(Compressor.fromConfig(config)).as(d.name()).isEqualTo(c);
      assertThat(config == null ? null : config.keySet()).isEqualTo(c.isNone() ? null : c.config().keySet());
      assertThat(v.get("attrs")).isEqualTo(Map.of("dtype_name", d.name()));
    }
    Map<String, Object> t = vars.get("temp");
    assertThat(t.get("dims")).isEqualTo(List.of("time", "lat", "lon"));
    assertThat(t.get("attrs")).isEqualTo(Map.of("units", "K", "valid_range", List.of(200.0, 330.0), "comment", "température"));
    List<Object> tv = TestArrays.flatten(t.get("values"));
    assertThat(tv).isEqualTo(TestArrays.jsonValues(temp));
    assertThat(tv.get(7)).isEqualTo(Double.NaN);
    assertThat(TestArrays.flatten(vars.get("height").get("raw"))).containsExactly(100L, -999L, 300L);
    assertThat(TestArrays.flatten(vars.get("height").get("values"))).as("xarray masks the fill value")
        .containsExactly(100.0, Double.NaN, 300.0);
    assertThat(vars.get("scalar").get("dims")).isEqualTo(List.of());
    assertThat(vars.get("scalar").get("values")).isEqualTo(3.25);
    assertThat(vars.get("scalar").get("attrs")).isEqualTo(Map.of("units", "1"));
    assertThat(TestArrays.flatten(vars.get("partial").get("raw")))
        .containsExactly(0.5, 1.5, Double.NaN, Double.NaN, Double.NaN);
  }

  static String varName(ZarrDType d) {
    return "v_" + d.name().toLowerCase(Locale.ROOT);
  }

  static String numpyName(ZarrDType d) {
    return d.name().toLowerCase(Locale.ROOT); // numpy: int8 ... uint64, float32, float64
  }
}
