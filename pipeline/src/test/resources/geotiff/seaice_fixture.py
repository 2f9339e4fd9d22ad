"""Writes an archive-shaped sea-ice file with netCDF4-python (netCDF-C): packed int16 on a
25 km NSIDC polar stereographic north grid (EPSG:3413), 2-D lat/lon with cell bounds computed by
GDAL's OSR, a time axis, fill values. Usage: seaice_fixture.py OUT NT NY NX [ascending]"""
import sys
import numpy as np
import netCDF4
from osgeo import osr

out, nt, ny, nx = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ascending = len(sys.argv) > 5 and sys.argv[5] == "ascending"
d = netCDF4.Dataset(out, "w", format="NETCDF4")
d.Conventions = "CF-1.8"
d.title = "sea ice concentration (test fixture)"
d.createDimension("time", nt)
d.createDimension("y", ny)
d.createDimension("x", nx)
d.createDimension("nv", 4)
t = d.createVariable("time", "f8", ("time",))
t.units = "days since 1978-10-25"
t.calendar = "standard"
t.standard_name = "time"
t[:] = np.arange(1, nt + 1)
x = d.createVariable("x", "f8", ("x",))
x.standard_name = "projection_x_coordinate"
x.units = "m"
xs = -3837500.0 + 25000.0 * np.arange(nx)
x[:] = xs
y = d.createVariable("y", "f8", ("y",))
y.standard_name = "projection_y_coordinate"
y.units = "m"
ys = 5837500.0 - 25000.0 * np.arange(ny)
if ascending:
    ys = ys[::-1]
y[:] = ys
crs = d.createVariable("crs", "i4")
crs.grid_mapping_name = "polar_stereographic"
crs.straight_vertical_longitude_from_pole = -45.0
crs.latitude_of_projection_origin = 90.0
crs.standard_parallel = 70.0
crs.false_easting = 0.0
crs.false_northing = 0.0
crs.semi_major_axis = 6378137.0
crs.inverse_flattening = 298.257223563
src = osr.SpatialReference()
src.ImportFromEPSG(3413)
dst = osr.SpatialReference()
dst.ImportFromEPSG(4326)
dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
ct = osr.CoordinateTransformation(src, dst)
def lonlat(px, py):
    pts = ct.TransformPoints(list(zip(px.ravel(), py.ravel())))
    a = np.array(pts)
    return a[:, 0].reshape(px.shape), a[:, 1].reshape(px.shape)
gx, gy = np.meshgrid(xs, ys)
lo, la = lonlat(gx, gy)
lat = d.createVariable("lat", "f8", ("y", "x"))
lat.standard_name = "latitude"
lat.units = "degrees_north"
lat.bounds = "lat_bnds"
lat[:] = la
lon = d.createVariable("lon", "f8", ("y", "x"))
lon.standard_name = "longitude"
lon.units = "degrees_east"
lon.bounds = "lon_bnds"
lon[:] = lo
lab = d.createVariable("lat_bnds", "f8", ("y", "x", "nv"))
lob = d.createVariable("lon_bnds", "f8", ("y", "x", "nv"))
for k, (ox, oy) in enumerate([(-1, -1), (1, -1), (1, 1), (-1, 1)]):
    blo, bla = lonlat(gx + ox * 12500.0, gy + oy * 12500.0)
    lab[:, :, k] = bla
    lob[:, :, k] = blo
ice = d.createVariable("ice", "i2", ("time", "y", "x"), zlib=True, shuffle=True,
                       chunksizes=(1, min(ny, 64), min(nx, 64)), fill_value=np.int16(-32767))
ice.scale_factor = 0.01
ice.add_offset = 0.0
ice.long_name = "sea ice concentration"
ice.standard_name = "sea_ice_area_fraction"
ice.units = "1"
ice.grid_mapping = "crs"
ice.coordinates = "lat lon"
rng = np.random.default_rng(7)
for k in range(nt):
    v = np.clip(np.sin(gx / 4e5 + k) * np.cos(gy / 3e5) + rng.normal(0, 0.05, gx.shape), 0, 1)
    v = np.ma.masked_where((gx ** 2 + gy ** 2) > (3.0e6) ** 2, v)
    ice[k, :, :] = v
d.close()
