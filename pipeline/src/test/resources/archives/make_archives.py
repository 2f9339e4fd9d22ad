"""Source files shaped like real archives, written by netCDF-C through netCDF4-python.

Usage: /usr/bin/python3 make_archives.py DIR

ensemble/thk_id{NN}.nc  (a) per-member NetCDF-4-classic files of an ice-sheet model, ids 1..6
    with id 4 missing: time in `seconds since 1-1-1`, calendar 365_day, unlimited; 2-D lat/lon
    with lat_bnds/lon_bnds; a `mapping` grid-mapping variable; `thk` float32 with
    _FillValue = missing_value = -2e9.
seaice/sic_{DD}.nc  (b) daily NetCDF-4 files like NSIDC sea-ice grids: `sic` int16 packed with
    scale_factor 0.01 and _FillValue, `temp` float32 with _FillValue, a `crs` grid mapping,
    chunked with zlib and shuffle, an unlimited time, and a group (`processing`) readers skip.
seaice3/sic_{DD}.nc  the same days as NetCDF-3 (64-bit offset).
table/obs.csv  a small numeric table (year, mass, uncertainty) for CSV sources.
"""

import os
import sys

import netCDF4
import numpy as np

NY, NX = 12, 10


def ensemble(root):
    os.makedirs(root, exist_ok=True)
    rng = np.random.default_rng(7)
    y, x = np.meshgrid(np.arange(NY), np.arange(NX), indexing="ij")
    lat = (60.0 + 0.5 * y + 0.05 * x).astype("f8")
    lon = (-50.0 + 0.8 * x - 0.03 * y).astype("f8")
    for member in [1, 2, 3, 5, 6]:
        with netCDF4.Dataset(os.path.join(root, "thk_id%02d.nc" % member), "w",
                             format="NETCDF4_CLASSIC") as d:
            d.createDimension("time", None)
            d.createDimension("y", NY)
            d.createDimension("x", NX)
            d.createDimension("nv4", 4)
            t = d.createVariable("time", "f8", ("time",))
            t.units = "seconds since 1-1-1"
            t.calendar = "365_day"
            t.axis = "T"
            t[:] = np.array([2015, 2016]) * 365 * 86400.0
            for name, val, std in [("lat", lat, "latitude"), ("lon", lon, "longitude")]:
                v = d.createVariable(name, "f8", ("y", "x"))
                v.units = "degrees_north" if name == "lat" else "degrees_east"
                v.standard_name = std
                v.bounds = name + "_bnds"
                v[:] = val
                b = d.createVariable(name + "_bnds", "f8", ("y", "x", "nv4"))
                off = np.array([-0.25, -0.25, 0.25, 0.25]) if name == "lat" else np.array([-0.4, 0.4, 0.4, -0.4])
                b[:] = val[:, :, None] + off
            m = d.createVariable("mapping", "i1", ())
            m.grid_mapping_name = "polar_stereographic"
            m.straight_vertical_longitude_from_pole = -45.0
            m.latitude_of_projection_origin = 90.0
            m.standard_parallel = 70.0
            thk = d.createVariable("thk", "f4", ("time", "y", "x"), fill_value=np.float32(-2e9))
            thk.missing_value = np.float32(-2e9)
            thk.units = "m"
            thk.long_name = "land ice thickness"
            thk.grid_mapping = "mapping"
            thk.coordinates = "lat lon"
            vals = (1000.0 * member + 10 * y + x + rng.normal(0, 1, (2, NY, NX))).astype("f4")
            vals[:, :2, :3] = -2e9
            thk[:] = vals
            d.Conventions = "CF-1.8"
            d.source = "ice-sheet model ensemble"


def seaice(root, fmt):
    os.makedirs(root, exist_ok=True)
    nc4 = fmt == "NETCDF4"
    for day in range(6):
        rng = np.random.default_rng(100 + day)
        with netCDF4.Dataset(os.path.join(root, "sic_%02d.nc" % day), "w", format=fmt) as d:
            d.createDimension("time", None)
            d.createDimension("y", NY)
            d.createDimension("x", NX)
            t = d.createVariable("time", "i4", ("time",))
            t.units = "days since 2020-01-01"
            t.calendar = "standard"
            t[:] = [day]
            for name, n, step in [("y", NY, -25000.0), ("x", NX, 25000.0)]:
                v = d.createVariable(name, "f8", (name,))
                v.units = "m"
                v.standard_name = "projection_%s_coordinate" % name
                v[:] = step * np.arange(n)
            crs = d.createVariable("crs", "i4", ())
            crs.grid_mapping_name = "polar_stereographic"
            crs.straight_vertical_longitude_from_pole = -45.0
            crs.standard_parallel = 70.0
            kw = dict(zlib=True, complevel=4, shuffle=True, chunksizes=(1, NY // 2, NX)) if nc4 else {}
            sic = d.createVariable("sic", "i2", ("time", "y", "x"), fill_value=np.int16(-32767), **kw)
            sic.scale_factor = 0.01
            sic.add_offset = 0.0
            sic.units = "percent"
            sic.long_name = "sea ice concentration"
            sic.grid_mapping = "crs"
            sic.valid_range = np.array([0, 10000], "i2")
            raw = np.round(rng.uniform(0, 100, (1, NY, NX)) / 0.01).astype("i2")
            raw[:, :3, :2] = -32767
            d.set_auto_maskandscale(False)
            sic[:] = raw
            d.set_auto_maskandscale(True)
            temp = d.createVariable("temp", "f4", ("time", "y", "x"), fill_value=np.float32(-999.0), **kw)
            temp.units = "K"
            temp.grid_mapping = "crs"
            tv = rng.normal(260, 5, (1, NY, NX)).astype("f4")
            tv[:, 0, :] = -999.0
            d.set_auto_maskandscale(False)
            temp[:] = tv
            # quality flags 0-255 in a signed byte marked _Unsigned, as NetCDF-3 archives store them
            qa = d.createVariable("qa", "i1", ("time", "y", "x"), fill_value=False, **kw)
            qa.setncattr("_Unsigned", "true")
            qa.long_name = "quality flags"
            d.set_auto_maskandscale(False)
            qa[:] = ((np.arange(NY * NX) * 7 + day) % 256).astype("u1").view("i1").reshape(1, NY, NX)
            d.Conventions = "CF-1.7"
            d.title = "daily sea ice"
            if nc4:
                g = d.createGroup("processing")
                g.software = "not read by Headwater"
                g.createDimension("n", 2)
                g.createVariable("flags", "i4", ("n",))[:] = [1, 2]


def table(root):
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "obs.csv"), "w") as f:
        f.write("year,mass,uncertainty\n")
        for i in range(8):
            f.write("%d,%.3f,%.2f\n" % (2000 + i, -250.5 * i + 0.125, 10 + i / 4))


if __name__ == "__main__":
    out = sys.argv[1]
    table(os.path.join(out, "table"))
    ensemble(os.path.join(out, "ensemble"))
    seaice(os.path.join(out, "seaice"), "NETCDF4")
    seaice(os.path.join(out, "seaice3"), "NETCDF3_64BIT_OFFSET")
