package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs read by independent tools: xarray (Zarr, NetCDF), netCDF4-python and ncdump must
 * see what xarray sees when it combines the sources itself.
 */
class XarrayInteropIT {
  @TempDir static Path tmp;
  static RunResult result;

  private static final String COMPARE =
      String.join("\n",
          "import sys, glob, json, numpy as np, pandas as pd, xarray as xr",
          "run, src = sys.argv[1], sys.argv[2]",
          "files = sorted(glob.glob(src + '/speed_member*.nc'))",
          "members = [int(f[-5:-3]) for f in files]",
          "ref = xr.open_mfdataset(files, combine='nested', concat_dim=[pd.Index(members, name='member')],",
          "    data_vars=['velsurf_mag'], coords='minimal', compat='override', combine_attrs='drop_conflicts')",
          "ref = ref.rename({'velsurf_mag': 'surface_speed'}).load()",
          "out = {}",
          "for kind, ds in [('zarr', xr.open_zarr(run + '/outputs/speed.zarr', consolidated=True)),",
          "                 ('netcdf', xr.open_dataset(run + '/outputs/speed.nc'))]:",
          "    ds = ds.load()",
          "    r = {}",
          "    r['dims'] = sorted(ds.dims.items()) == sorted(ref.dims.items())",
          "    r['coords'] = sorted(ds.coords) == sorted(ref.coords)",
          "    r['data_vars'] = sorted(ds.data_vars) == sorted(ref.data_vars)",
          "    r['values'] = all(bool(ds[v].equals(ref[v])) for v in ref.variables)",
          "    r['nan_count'] = int(ds.surface_speed.isnull().sum())",
          "    r['ref_nan_count'] = int(ref.surface_speed.isnull().sum())",
          "    r['time_calendar'] = ds.time.dt.calendar",
          "    r['first_time'] = str(ds.time.values[0])",
          "    skip = {'headwater_provenance', 'headwater_recipe', 'comment'}",
          "    clean = lambda attrs: {k: str(a) for k, a in attrs.items() if k not in skip}",
          "    r['attrs'] = {v: clean(ds[v].attrs) == clean(ref[v].attrs) for v in ref.variables}",
          "    r['attr_diffs'] = {v: [clean(ds[v].attrs), clean(ref[v].attrs)] for v in ref.variables",
          "                       if clean(ds[v].attrs) != clean(ref[v].attrs)}",
          "    r['global_attrs'] = clean(ds.attrs) == clean(ref.attrs)",
          "    r['has_provenance_pointer'] = 'prov.ttl' in ds.attrs.get('headwater_provenance', '')",
          "    out[kind] = r",
          "print(json.dumps(out))");

  @BeforeAll
  static void runDemoRecipeWithoutExtraSteps() throws Exception {
    DemoData.write(tmp.resolve("src"));
    String text =
        "id: interop\nsources:\n  url: \"" + tmp.resolve("src").toUri() + "speed_member{member:02d}.nc\"\n"
            + "  dimensions: [{name: member, new: true, range: {start: 1, end: 6}}]\n"
            + "  missing: skip\n"
            + "steps:\n  - {step: rename, variables: {velsurf_mag: surface_speed}}\n"
            + "outputs:\n"
            + "  - {name: speed, format: zarr, chunks: {member: 1, time: 2, y: 32}, compressor: {id: zstd, level: 3}}\n"
            + "  - {name: speed-nc, format: netcdf3, path: speed.nc}\n";
    result = Recipes.run(text, tmp.resolve("work"));
  }

  @Test
  void xarraySeesTheSameDatasetAsWhenItCombinesTheSources() throws Exception {
    Python.require("python3-xarray python3-zarr python3-netcdf4 python3-dask", "xarray", "zarr", "netCDF4", "dask");
    String json = Python.run(COMPARE, result.runDir().toString(), tmp.resolve("src").toString());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    for (String kind : new String[] {"zarr", "netcdf"}) {
      var r = tree.get(kind);
      assertThat(r.get("dims").asBoolean()).as(kind + " dims").isTrue();
      assertThat(r.get("coords").asBoolean()).as(kind + " coords").isTrue();
      assertThat(r.get("data_vars").asBoolean()).as(kind + " data_vars").isTrue();
      assertThat(r.get("values").asBoolean()).as(kind + " values").isTrue();
      assertThat(r.get("nan_count").asInt()).isPositive().isEqualTo(r.get("ref_nan_count").asInt());
      assertThat(r.get("time_calendar").asText()).isIn("noleap", "365_day");
      assertThat(r.get("first_time").asText()).startsWith("2015-07-02");
      assertThat(r.get("attrs").toString()).as(kind + " variable attributes " + r.get("attr_diffs")).doesNotContain("false");
      assertThat(r.get("global_attrs").asBoolean()).as(kind + " global attributes " + r).isTrue();
      assertThat(r.get("has_provenance_pointer").asBoolean()).as(kind + " provenance pointer " + r).isTrue();
    }
  }

  @Test
  void netcdfOutputReadsWithNetcdf4PythonAndNcdump() throws Exception {
    Python.require("python3-netcdf4", "netCDF4");
    String out = Python.run(String.join("\n",
        "import sys, netCDF4",
        "d = netCDF4.Dataset(sys.argv[1])",
        "v = d['surface_speed']",
        "print(v.units, v._FillValue, v.grid_mapping, v.coordinates, v.shape, float(v[3, 1, 35, 20]),",
        "      bool(v[0, 0, 0, 0] is netCDF4.default_fillvals or hasattr(v[0,0,0,0], 'mask')), d['time'].calendar)"),
        result.runDir().resolve("outputs/speed.nc").toString());
    assertThat(out.trim()).startsWith("m year-1 -2000000000.0 mapping lat lon (5, 3, 70, 40) "
        + (float) DemoData.speed(5, 1, 35, 20));
    assertThat(out.trim()).endsWith("True 365_day");
    Process p = new ProcessBuilder("ncdump", "-h", result.runDir().resolve("outputs/speed.nc").toString())
        .redirectErrorStream(true).start();
    String header = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(header).isZero();
    assertThat(header).contains("float surface_speed(member, time, y, x)")
        .contains("surface_speed:_FillValue = -2.e+09f")
        .contains("time:calendar = \"365_day\"")
        .contains("int mapping");
  }
}
