"""Checks that the Headwater and xarray stores decode to the same dataset.

Usage: /usr/bin/python3 verify.py HEADWATER_STORE XARRAY_STORE

Compares, with xarray.open_zarr(consolidated=True): dimensions, coordinate values (decoded time
included), every data variable value by value (NaN where the other has NaN, otherwise equal
bits after decoding), the stored encoding (dtype, scale_factor, add_offset, _FillValue,
missing_value), one 30-step block at a time so memory stays small, and the chunking.
Prints one line and exits non-zero on the first difference.
"""

import sys

import numpy as np
import xarray as xr


def fail(msg):
    print("verify: DIFFERENT: " + msg)
    sys.exit(1)


def main():
    hw = xr.open_zarr(sys.argv[1], consolidated=True)
    xa = xr.open_zarr(sys.argv[2], consolidated=True)
    if dict(hw.sizes) != dict(xa.sizes):
        fail("dimensions %s vs %s" % (dict(hw.sizes), dict(xa.sizes)))
    if set(hw.data_vars) != set(xa.data_vars):
        fail("variables %s vs %s" % (sorted(hw.data_vars), sorted(xa.data_vars)))
    for c in xa.coords:
        if not np.array_equal(hw[c].values, xa[c].values):
            fail("coordinate %s differs" % c)
    cells = 0
    missing = 0
    for name in sorted(xa.data_vars):
        a, b = hw[name], xa[name]
        if a.dtype != b.dtype:
            fail("%s dtype %s vs %s" % (name, a.dtype, b.dtype))
        if a.encoding.get("chunks") != b.encoding.get("chunks"):
            fail("%s chunks %s vs %s" % (name, a.encoding.get("chunks"), b.encoding.get("chunks")))
        for k in ("dtype", "scale_factor", "add_offset", "_FillValue", "missing_value"):
            if k in a.encoding or k in b.encoding:
                x, y = a.encoding.get(k), b.encoding.get(k)
                nan = lambda e: e is None or (isinstance(e, float) and np.isnan(e))
                if k == "_FillValue" and a.dtype.kind == "f" and nan(x) and nan(y):
                    continue  # no fill (Headwater keeps the source's none) and NaN (xarray's default) mean the same
                if not (x == y or (x is not None and y is not None and np.isnan(x) and np.isnan(y))):
                    fail("%s encoding %s: %r vs %r" % (name, k, x, y))
        for k in ("units", "long_name"):
            if a.attrs.get(k) != b.attrs.get(k):
                fail("%s attribute %s: %r vs %r" % (name, k, a.attrs.get(k), b.attrs.get(k)))
        for t in range(0, hw.sizes["time"], 30):
            x = a.isel(time=slice(t, t + 30)).values
            y = b.isel(time=slice(t, t + 30)).values
            if not np.array_equal(x, y, equal_nan=True):
                diff = np.nanmax(np.abs(x.astype("f8") - y.astype("f8")))
                fail("%s values differ in time %d..%d (max abs diff %g, NaN %d vs %d)"
                     % (name, t, t + 29, diff, np.isnan(x).sum(), np.isnan(y).sum()))
            cells += x.size
            missing += int(np.isnan(x).sum())
    print("verify: same decoded values: %d variables, %d values (%d NaN), time %s .. %s"
          % (len(xa.data_vars), cells, missing, str(xa.time.values[0])[:10],
             str(xa.time.values[-1])[:10]))


if __name__ == "__main__":
    main()
