"""Checks a GeoTIFF against its NetCDF source with independent tools: GDAL's COG validator,
gdalinfo's JSON, rasterio's values against xarray's reading of the source (stored values exactly;
decoded values within xarray's float32 rounding).
Usage: check_cog.py TIF SOURCE VARIABLE TIME_INDEX_OR_-1  -> JSON on stdout"""
import json
import subprocess
import sys
import numpy as np
import rasterio
import xarray as xr
from osgeo_utils.samples import validate_cloud_optimized_geotiff as cog

tif, source, var, t = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
warnings, errors, details = cog.validate(tif, full_check=True)
info = json.loads(subprocess.run(["gdalinfo", "-json", tif], check=True, capture_output=True,
                                 text=True).stdout)
with rasterio.open(tif) as r:
    stored = r.read(1)
    raw = r.read(1, masked=True).astype("f8")
    scale, offset = r.scales[0], r.offsets[0]
    overviews = r.overviews(1)
    dtype = r.dtypes[0]
    epsg = r.crs.to_epsg()
got = (raw * scale + offset).filled(np.nan)
ds = xr.open_dataset(source)
want = ds[var].isel(time=t).values if t >= 0 else ds[var].values
if ds["y"].values[0] < ds["y"].values[-1]:
    want = want[::-1, :]
packed = xr.open_dataset(source, mask_and_scale=False)[var]
packed = packed.isel(time=t).values if t >= 0 else packed.values
if ds["y"].values[0] < ds["y"].values[-1]:
    packed = packed[::-1, :]
same_stored = bool(np.array_equal(stored, packed))
same_mask = bool(np.array_equal(np.isnan(got), np.isnan(want)))
diff = float(np.nanmax(np.abs(got - want))) if np.isfinite(want).any() else 0.0
print(json.dumps({
    "errors": errors, "warnings": warnings, "overviews": overviews, "dtype": dtype, "epsg": epsg,
    "wkt": info["coordinateSystem"]["wkt"], "geoTransform": info["geoTransform"],
    "noData": info["bands"][0].get("noDataValue"), "scale": scale, "offset": offset,
    "metadata": info.get("metadata", {}).get("", {}),
    "compression": info.get("metadata", {}).get("IMAGE_STRUCTURE", {}).get("COMPRESSION"),
    "block": info["bands"][0]["block"], "size": info["size"],
    "sameMask": same_mask, "sameStored": same_stored, "maxDiff": diff, "valid": int(np.isfinite(want).sum())}))
