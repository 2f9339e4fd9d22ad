"""Compares Headwater's reprojection (a NetCDF output, read by xarray) with gdalwarp on the same
source, same grid (-te/-tr) and method, exact transforms (-et 0: no approximation). Usage: compare_warp.py SOURCE VAR OURS METHOD XMIN YMIN
XMAX YMAX RES  -> JSON: cells valid in both, mask agreement, max and 99th percentile difference."""
import json
import subprocess
import sys
import tempfile
import numpy as np
import xarray as xr
from osgeo import gdal

src, var, ours, method = sys.argv[1:5]
xmin, ymin, xmax, ymax, res = map(float, sys.argv[5:10])
with tempfile.TemporaryDirectory() as tmp:
    out = tmp + "/warp.tif"
    subprocess.run(["gdalwarp", "-q", "-t_srs", "EPSG:4326", "-te", str(xmin), str(ymin),
                    str(xmax), str(ymax), "-tr", str(res), str(res), "-r", method,
                    "-ot", "Float64", "-dstnodata", "nan", "-et", "0",
                    'NETCDF:"%s":%s' % (src, var), out], check=True)
    d = gdal.Open(out)
    b = d.GetRasterBand(1)
    scale = 0.01  # the source's scale_factor; gdalwarp warps the stored int16 values
    warp = b.ReadAsArray() * scale
    gt = d.GetGeoTransform()
mine = xr.open_dataset(ours)[var].isel(time=0).values.astype("f8")
lat = xr.open_dataset(ours)["lat"].values
both = np.isfinite(warp) & np.isfinite(mine)
either = np.isfinite(warp) | np.isfinite(mine)
diff = np.abs(warp - mine)[both]
print(json.dumps({
    "shape": list(mine.shape), "warpShape": list(warp.shape), "gt": list(gt),
    "firstLat": float(lat[0]), "both": int(both.sum()),
    "maskAgreement": float(both.sum() / max(1, either.sum())),
    "maxDiff": float(diff.max()) if diff.size else 0.0,
    "p99Diff": float(np.percentile(diff, 99)) if diff.size else 0.0,
    "equalShare": float((diff < 1e-6).mean()) if diff.size else 0.0}))
