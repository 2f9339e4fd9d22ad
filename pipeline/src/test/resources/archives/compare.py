"""Compares Headwater's outputs with xarray's own reading of the sources.

Usage: /usr/bin/python3 compare.py KIND SOURCES OUTPUT...
  KIND     ensemble (combined along a new `id`, ids 1-6 with 4 missing) or seaice (along time)
  SOURCES  the folder of source files
  OUTPUT   Zarr stores (.zarr) and NetCDF files (.nc) written by Headwater

For every variable: the same values, dtype, attributes, and encoding (stored dtype, scale_factor,
add_offset, _FillValue, missing_value, time units and calendar) as xarray gives the sources; no
attribute internal to a format in any output. Prints a JSON list of the differences found.
"""

import glob
import json
import sys

import netCDF4
import numpy as np
import pandas as pd
import xarray as xr

INTERNAL = {"_NCProperties", "_ChunkSizes", "_Netcdf4Dimid", "_Netcdf4Coordinates",
            "_SuperblockVersion", "_IsNetcdf4", "_Encoding", "_Unsigned"}
SKIP_ATTRS = {"headwater_provenance", "headwater_recipe", "comment", "history"}
ENCODING = ["dtype", "scale_factor", "add_offset", "_FillValue", "missing_value", "units", "calendar"]


def reference(kind, src):
    files = sorted(glob.glob(src + "/*.nc"))
    if kind == "ensemble":
        ids = [int(f[-5:-3]) for f in files]
        return xr.open_mfdataset(files, combine="nested", concat_dim=[pd.Index(ids, name="id")],
                                 data_vars=["thk"], coords="minimal", compat="override",
                                 combine_attrs="drop_conflicts").load()
    return xr.open_mfdataset(files, combine="nested", concat_dim="time", data_vars="minimal",
                             coords="minimal", compat="override",
                             combine_attrs="drop_conflicts").load()


def same(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.atleast_1d(a), np.atleast_1d(b), equal_nan=True)
    if isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b):
        return True
    return a == b


def clean(attrs):
    return {k: v for k, v in attrs.items() if k not in SKIP_ATTRS}


def compare(ref, path, problems):
    zarr = path.endswith(".zarr")
    ds = (xr.open_zarr(path, consolidated=True) if zarr else xr.open_dataset(path)).load()
    if sorted(ds.variables) != sorted(ref.variables):
        problems.append(f"{path}: variables {sorted(ds.variables)} != {sorted(ref.variables)}")
        return
    for name in ref.variables:
        a, b = ds[name], ref[name]
        if a.dtype != b.dtype or not a.equals(b):
            problems.append(f"{path}: {name}: values/dtype differ ({a.dtype} vs {b.dtype})")
        ca, cb = clean(a.attrs), clean(b.attrs)
        if set(ca) != set(cb) or not all(same(ca[k], cb[k]) for k in cb):
            problems.append(f"{path}: {name}: attrs {ca} != {cb}")
        if "dtype" not in b.encoding:
            continue  # a coordinate xarray made itself (the new `id`)
        for k in ENCODING:
            ea, eb = a.encoding.get(k), b.encoding.get(k)
            if k == "dtype":
                ea, eb = np.dtype(ea), np.dtype(eb)
                if b.encoding.get("_Unsigned") == "true":
                    eb = np.dtype(eb.str.replace("i", "u"))  # _Unsigned applied: stored as unsigned
            if not same(ea, eb):
                problems.append(f"{path}: {name}: encoding {k} = {ea!r}, xarray reads {eb!r} from the sources")
    if "time" in ref.variables and ds.time.dt.calendar != ref.time.dt.calendar:
        problems.append(f"{path}: calendar {ds.time.dt.calendar} != {ref.time.dt.calendar}")
    if not zarr:
        with netCDF4.Dataset(path) as d:
            found = [a for a in d.ncattrs() if a in INTERNAL]
            for v in d.variables.values():
                found += [f"{v.name}:{a}" for a in v.ncattrs() if a in INTERNAL]
            if found:
                problems.append(f"{path}: internal attributes {found}")
    else:
        import zarr as z
        g = z.open_group(path, mode="r")
        found = [a for a in g.attrs if a in INTERNAL]
        for n, arr in g.arrays():
            found += [f"{n}:{a}" for a in arr.attrs if a in INTERNAL]
        if found:
            problems.append(f"{path}: internal attributes {found}")


def main():
    kind, src, outputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    ref = reference(kind, src)
    problems = []
    for path in outputs:
        compare(ref, path, problems)
    print(json.dumps(problems))


if __name__ == "__main__":
    main()
