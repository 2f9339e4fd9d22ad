"""The xarray + dask + zarr-python side of the conversion benchmark.

Usage: /usr/bin/python3 xarray_convert.py SOURCE_DIR N STORE

Does the same work as the Headwater recipe: open the N daily files as one dataset along `time`,
decode CF, rechunk to 30 time steps, write a Zarr v2 store with the sources' packing kept
(int16 `sic` with scale_factor and _FillValue) and zlib level 4 for every array and consolidated metadata. Dask's default (threaded)
scheduler is used, as a user would.
"""

import os
import sys

import numcodecs
import xarray as xr


def main():
    src, n, store = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    files = [os.path.join(src, "file_%04d.nc" % i) for i in range(n)]
    # The usual fast settings for many files sharing a grid: nested combine along time, and
    # variables without `time` taken from the first file instead of compared across all of them.
    ds = xr.open_mfdataset(
        files, combine="nested", concat_dim="time", data_vars="minimal", coords="minimal",
        compat="override")
    ds = ds.chunk({"time": 30})
    compressor = numcodecs.Zlib(level=4)
    # Concatenation drops the time coordinate's encoding: keep the sources' units, calendar, dtype.
    with xr.open_dataset(files[0]) as first:
        ds["time"].encoding.update(
            {k: first["time"].encoding[k] for k in ("units", "calendar", "dtype")})
    for var in ds.variables.values():
        # The sources' packing (int16 + scale_factor + _FillValue) stays in each variable's
        # encoding and is written again, as Headwater keeps it (issue 14).
        var.encoding["compressor"] = compressor
    # Variable encodings (not the `encoding` argument, which would replace them) carry the
    # compressor; the dask chunks (30 along time) become the Zarr chunks.
    ds.to_zarr(store, mode="w", consolidated=True)


if __name__ == "__main__":
    main()
