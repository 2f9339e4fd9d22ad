package org.headwater.pipeline.run;

/**
 * The Python check of the demo outputs: expected values computed from the source files with
 * netCDF4 and pandas, independently of Headwater, compared with what xarray reads.
 */
public final class XarrayCheck {
  private XarrayCheck() {}

  public static final String SCRIPT = String.join("\n",
      "import sys, numpy as np, netCDF4, pandas as pd, xarray as xr",
      "src, out = sys.argv[1], sys.argv[2]",
      "members = [1, 2, 3, 5, 6]",
      "year = 365.242198781 * 86400.0",
      "fields = []",
      "for m in members:",
      "    with netCDF4.Dataset(f'{src}/speed_member{m:02d}.nc') as d:",
      "        v = d['velsurf_mag'][:].astype('f8').filled(np.nan)",
      "        lat, lon = d['lat'][:], d['lon'][:]",
      "    v[v == -9999] = np.nan",
      "    fields.append(v / year)",
      "expected = np.stack(fields)",
      "inside = (lat >= 66) & (lat <= 74) & (lon >= -52) & (lon <= -36)",
      "js, is_ = np.where(inside)",
      "expected = expected[:, :, js.min():js.max() + 1, is_.min():is_.max() + 1]",
      "z = xr.open_zarr(f'{out}/speed.zarr', consolidated=True)",
      "got = z['surface_speed'].values",
      "assert got.shape == expected.shape, (got.shape, expected.shape)",
      "np.testing.assert_allclose(got, expected, rtol=1e-6, equal_nan=True)",
      "assert z['surface_speed'].attrs['units'] == 'm s-1'",
      "assert list(z['member'].values) == members",
      "assert 'greenland-speed-ensemble' in z.attrs['history']",
      "print('zarr ok')",
      "n = xr.open_dataset(f'{out}/speed.nc')",
      "np.testing.assert_allclose(n['surface_speed'].values, expected, rtol=1e-6, equal_nan=True)",
      "np.testing.assert_allclose(n['lat'].values, lat[js.min():js.max() + 1, is_.min():is_.max() + 1])",
      "print('netcdf ok')",
      "raw = pd.read_csv(f'{src}/mass_balance.csv.gz', comment='#', na_values=[-9999])",
      "raw = raw[raw['Year'] >= 2000].reset_index(drop=True)",
      "got = pd.read_csv(f'{out}/mass.csv', na_values=[-9999])",
      "assert list(got['year']) == list(raw['Year'])",
      "np.testing.assert_allclose(got['mass'], raw['Mass (Gt)'] * 1000, rtol=1e-9)",
      "np.testing.assert_allclose(got['mass_uncertainty'], raw['Uncertainty (Gt)'] * 1000, rtol=1e-9)",
      "np.testing.assert_allclose(got['sea_level_contribution'], -raw['Mass (Gt)'] / 361.8, rtol=1e-9)",
      "print('csv ok')");
}
