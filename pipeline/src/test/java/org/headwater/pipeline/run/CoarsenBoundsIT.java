package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coarsen} over a NetCDF-4-classic file made by netCDF-C (netCDF4-python) with a skewed 2-D
 * lat/lon grid and CF bounds (4 vertices, anticlockwise from (j, i)); xarray reads the outputs and
 * checks each coarse cell's bounds against the outer corners of its block, computed from the corner
 * formula the source was made with.
 */
class CoarsenBoundsIT {
  @TempDir Path tmp;

  private static final String MAKE = String.join("\n",
      "import sys, numpy as np, netCDF4",
      "LAT = np.array([60, 61, 62.5, 64, 65, 66, 67.5]); LON = np.array([-50, -48, -46, -43, -40, -38, -35, -33, -30])",
      "lat = lambda a, b: LAT[a] + 0.1 * b",
      "lon = lambda a, b: LON[b] + 0.5 * a",
      "d = netCDF4.Dataset(sys.argv[1], 'w', format='NETCDF4_CLASSIC')",
      "d.createDimension('y', 6); d.createDimension('x', 8); d.createDimension('nv', 4)",
      "order = [(0, 0), (0, 1), (1, 1), (1, 0)]",
      "la = np.array([[[lat(j + o[0], i + o[1]) for o in order] for i in range(8)] for j in range(6)])",
      "lo = np.array([[[lon(j + o[0], i + o[1]) for o in order] for i in range(8)] for j in range(6)])",
      "v = d.createVariable('lat', 'f8', ('y', 'x')); v.units = 'degrees_north'; v.bounds = 'lat_bnds'",
      "v[:] = la.mean(axis=2)",
      "v = d.createVariable('lon', 'f8', ('y', 'x')); v.units = 'degrees_east'; v.bounds = 'lon_bnds'",
      "v[:] = lo.mean(axis=2)",
      "d.createVariable('lat_bnds', 'f8', ('y', 'x', 'nv'))[:] = la",
      "d.createVariable('lon_bnds', 'f8', ('y', 'x', 'nv'))[:] = lo",
      "v = d.createVariable('thk', 'f4', ('y', 'x'), fill_value=np.float32(-2e9))",
      "v.coordinates = 'lat lon'; v.units = 'm'; v[:] = np.arange(48).reshape(6, 8)",
      "d.close()");

  private static final String CHECK = String.join("\n",
      "import sys, json, numpy as np, xarray as xr",
      "LAT = np.array([60, 61, 62.5, 64, 65, 66, 67.5]); LON = np.array([-50, -48, -46, -43, -40, -38, -35, -33, -30])",
      "lat = lambda a, b: LAT[a] + 0.1 * b",
      "lon = lambda a, b: LON[b] + 0.5 * a",
      "corners = [(0, 0), (0, 1), (1, 1), (1, 0)]",
      "want_lat = np.array([[[lat(2 * J + 2 * c[0], 4 * I + 4 * c[1]) for c in corners] for I in range(2)] for J in range(3)])",
      "want_lon = np.array([[[lon(2 * J + 2 * c[0], 4 * I + 4 * c[1]) for c in corners] for I in range(2)] for J in range(3)])",
      "out = {}",
      "for kind, ds in [('zarr', xr.open_zarr(sys.argv[1] + '/outputs/coarse.zarr', consolidated=True)),",
      "                 ('netcdf', xr.open_dataset(sys.argv[1] + '/outputs/coarse.nc'))]:",
      "    ds = ds.load()",
      "    out[kind] = {'shape': list(ds.lat_bnds.shape),",
      "                 'lat_bnds': bool(np.allclose(ds.lat_bnds.values, want_lat)),",
      "                 'lon_bnds': bool(np.allclose(ds.lon_bnds.values, want_lon)),",
      "                 'got': ds.lat_bnds.values[0, 0].tolist(),",
      "                 'bounds_attr': ds.lat.attrs.get('bounds', ds.lat.encoding.get('bounds'))}",
      "print(json.dumps(out))");

  @Test
  void xarrayReadsTheOuterCornersOfEachBlock() throws Exception {
    Python.require("python3-xarray python3-zarr python3-netcdf4", "xarray", "zarr", "netCDF4");
    Path src = tmp.resolve("src/grid.nc");
    java.nio.file.Files.createDirectories(src.getParent());
    Python.run(MAKE, src.toString());
    String text =
        "id: coarse-bounds\nsources:\n  url: \"" + src.toUri() + "\"\n"
            + "steps:\n  - {step: coarsen, factors: {y: 2, x: 4}}\n"
            + "outputs:\n"
            + "  - {name: coarse, format: zarr}\n"
            + "  - {name: coarse-nc, format: netcdf3, path: coarse.nc}\n";
    RunResult result = Recipes.run(text, tmp.resolve("work"));
    String json = Python.run(CHECK, result.runDir().toString());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    for (String kind : new String[] {"zarr", "netcdf"}) {
      var r = tree.get(kind);
      assertThat(r.get("shape").toString()).as(kind).isEqualTo("[3,2,4]");
      assertThat(r.get("lat_bnds").asBoolean()).as(kind + " lat_bnds " + r).isTrue();
      assertThat(r.get("lon_bnds").asBoolean()).as(kind + " lon_bnds " + r).isTrue();
      assertThat(r.get("bounds_attr").asText()).as(kind).isEqualTo("lat_bnds");
    }
  }
}
