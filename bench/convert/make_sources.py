"""Writes N daily NetCDF-4 files for the conversion benchmark (deterministic data).

Usage: /usr/bin/python3 make_sources.py DIR N

Each file holds one time step on a 448 x 304 polar-stereographic grid (the NSIDC 25 km northern
grid's shape): `sic`, sea-ice concentration as int16 packed with scale_factor 0.01 and
_FillValue -32767 (land, the pole hole and a few dropped pixels are fill), and `tas`, a float32
surface temperature. zlib level 4 with shuffle, one chunk per time step, as archives commonly do.
"""

import os
import sys

import netCDF4
import numpy as np

NY, NX = 448, 304
FILL = np.int16(-32767)


def grid():
    y = 5837500.0 - 25000.0 * np.arange(NY)
    x = -3837500.0 + 25000.0 * np.arange(NX)
    return y, x


def static_fields():
    y, x = grid()
    yy, xx = np.meshgrid(y, x, indexing="ij")
    r = np.hypot(xx, yy) / 1e6
    rng = np.random.default_rng(12345)
    # A fixed "land" mask: a few smooth blobs plus the outer ring.
    land = (np.sin(xx / 7.0e5) * np.cos(yy / 9.0e5) > 0.55) | (r > 5.0)
    land |= rng.random((NY, NX)) < 0.002
    pole = r < 0.25
    return r, land, pole


def write_day(path, day, r, land, pole):
    rng = np.random.default_rng(1000 + day)
    season = np.cos(2 * np.pi * (day % 365) / 365.0)
    edge = 2.6 + 0.9 * season
    sic = 100.0 / (1.0 + np.exp((r - edge) * 4.0)) + rng.normal(0.0, 1.5, (NY, NX))
    sic = np.clip(sic, 0.0, 100.0)
    packed = np.round(sic / 0.01).astype(np.int16)
    missing = land | pole | (rng.random((NY, NX)) < 0.001)
    packed[missing] = FILL
    tas = (255.0 + 12.0 * season + 8.0 * r + rng.normal(0.0, 0.5, (NY, NX))).astype(np.float32)

    y, x = grid()
    with netCDF4.Dataset(path, "w", format="NETCDF4") as nc:
        nc.Conventions = "CF-1.8"
        nc.title = "Headwater conversion benchmark, synthetic daily field"
        nc.createDimension("time", None)
        nc.createDimension("y", NY)
        nc.createDimension("x", NX)
        t = nc.createVariable("time", "f8", ("time",))
        t.units = "days since 2000-01-01 00:00:00"
        t.calendar = "standard"
        t.standard_name = "time"
        t[:] = [float(day)]
        vy = nc.createVariable("y", "f8", ("y",))
        vy.units = "m"
        vy.standard_name = "projection_y_coordinate"
        vy[:] = y
        vx = nc.createVariable("x", "f8", ("x",))
        vx.units = "m"
        vx.standard_name = "projection_x_coordinate"
        vx[:] = x
        v = nc.createVariable(
            "sic", "i2", ("time", "y", "x"), zlib=True, complevel=4, shuffle=True,
            chunksizes=(1, NY, NX), fill_value=FILL)
        v.set_auto_maskandscale(False)
        v.scale_factor = np.float32(0.01)
        v.units = "%"
        v.long_name = "sea ice concentration"
        v[0, :, :] = packed
        w = nc.createVariable(
            "tas", "f4", ("time", "y", "x"), zlib=True, complevel=4, shuffle=True,
            chunksizes=(1, NY, NX))
        w.units = "K"
        w.long_name = "surface air temperature"
        w[0, :, :] = tas


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    r, land, pole = static_fields()
    for day in range(n):
        path = os.path.join(out, "file_%04d.nc" % day)
        if not os.path.exists(path):
            tmp = path + ".tmp"
            write_day(tmp, day, r, land, pole)
            os.replace(tmp, path)


if __name__ == "__main__":
    main()
