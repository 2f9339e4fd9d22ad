"""A NetCDF-4 source for the COG benchmark, made by netCDF4-python: one float32 field on an
EPSG:3413 polar stereographic grid (CF grid mapping), NX x NY cells, smooth values with noise and
a missing region. Usage: make_source.py OUT NX NY"""
import sys
import numpy as np
import netCDF4

out, nx, ny = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
d = netCDF4.Dataset(out, "w", format="NETCDF4")
d.createDimension("y", ny)
d.createDimension("x", nx)
x = d.createVariable("x", "f8", ("x",))
x.standard_name = "projection_x_coordinate"
x.units = "m"
x[:] = -3000000.0 + 500.0 * (np.arange(nx) + 0.5)
y = d.createVariable("y", "f8", ("y",))
y.standard_name = "projection_y_coordinate"
y.units = "m"
y[:] = 3000000.0 - 500.0 * (np.arange(ny) + 0.5)
crs = d.createVariable("crs", "i4")
crs.grid_mapping_name = "polar_stereographic"
crs.straight_vertical_longitude_from_pole = -45.0
crs.latitude_of_projection_origin = 90.0
crs.standard_parallel = 70.0
crs.false_easting = 0.0
crs.false_northing = 0.0
crs.semi_major_axis = 6378137.0
crs.inverse_flattening = 298.257223563
v = d.createVariable("field", "f4", ("y", "x"), zlib=True, chunksizes=(256, 256),
                     fill_value=np.float32(-9999.0))
v.grid_mapping = "crs"
v.units = "m"
rng = np.random.default_rng(1)
for j in range(0, ny, 512):
    rows = min(512, ny - j)
    gy, gx = np.mgrid[j:j + rows, 0:nx]
    f = (np.sin(gx / 150.0) * np.cos(gy / 170.0) * 100 + rng.normal(0, 1, gx.shape)).astype("f4")
    f[(gx - nx / 2) ** 2 + (gy - ny / 2) ** 2 < (min(nx, ny) / 6) ** 2] = -9999.0
    v[j:j + rows, :] = f
d.close()
