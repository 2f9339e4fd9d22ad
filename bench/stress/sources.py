"""Writes 4 NetCDF-4 files with netCDF-C (netCDF4-python): deflated, shuffled, chunked float32
`temp(time, y, x)` with a fill value, 365_day time on an unlimited dimension. Usage: sources.py DIR"""
import sys

import netCDF4
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(14)
for m in range(1, 5):
    ds = netCDF4.Dataset(f"{out}/s{m:02d}.nc", "w", format="NETCDF4")
    ds.createDimension("time", None)
    ds.createDimension("y", 120)
    ds.createDimension("x", 160)
    t = ds.createVariable("time", "f8", ("time",))
    t.units = "days since 2000-01-01"
    t.calendar = "365_day"
    t[:] = np.arange(8)
    ds.createVariable("y", "f4", ("y",))[:] = np.arange(120)
    ds.createVariable("x", "f4", ("x",))[:] = np.arange(160)
    v = ds.createVariable("temp", "f4", ("time", "y", "x"), zlib=True, shuffle=True,
                          chunksizes=(1, 60, 80), fill_value=-999.0)
    v.units = "K"
    v[:] = rng.random((8, 120, 160)) * 30 + 250
    ds.close()
