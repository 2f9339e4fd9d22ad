#!/usr/bin/env bash
# COG writing benchmark (issue 17): Headwater's GeoTIFF writer (GeoTiffFormat, in one warm JVM)
# against `gdal_translate -of COG` with the same layout (256x256 tiles, deflate level 6 with the
# floating-point predictor, nearest overviews), on the same NetCDF-4 source, in the same run.
# Usage: bench/geotiff/run.sh [NX NY RUNS]   (default 4096 4096 5)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NX=${1:-4096}; NY=${2:-4096}; RUNS=${3:-5}
WORK=${BENCH_WORK:-$(mktemp -d)}
cd "$ROOT"
./mvnw -B -q -pl pipeline -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="$ROOT/pipeline/target/classes:$(cat pipeline/target/bench-classpath.txt)"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" bench/geotiff/src/*.java
/usr/bin/python3 bench/geotiff/make_source.py "$WORK/src.nc" "$NX" "$NY"
echo "grid ${NX}x${NY} float32, $(nproc) cores, $(java -version 2>&1 | head -1), $(gdal_translate --version)"

java -Xmx2g -cp "$WORK/classes:$CP" BenchCog "$WORK/src.nc" field "$WORK/hw" "$RUNS" | tee "$WORK/hw.txt"

times=()
for i in $(seq "$RUNS"); do
  rm -f "$WORK/gdal.tif"
  s=$(date +%s.%N)
  gdal_translate -q -of COG -co COMPRESS=DEFLATE -co LEVEL=6 -co PREDICTOR=YES \
    -co BLOCKSIZE=256 -co OVERVIEW_RESAMPLING=NEAREST -co NUM_THREADS=1 \
    "NETCDF:\"$WORK/src.nc\":field" "$WORK/gdal.tif"
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l); times+=("$t")
  printf 'gdal_translate run %d: %.3f s\n' "$i" "$t"
done
gmed=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
hmed=$(sed -n 's/headwater median: \([0-9.]*\) s/\1/p' "$WORK/hw.txt")
printf 'gdal_translate median: %.3f s\n' "$gmed"
printf 'ratio headwater/gdal_translate: %.2f\n' "$(echo "$hmed / $gmed" | bc -l)"
ls -l "$WORK"/hw/*.tif "$WORK/gdal.tif" | awk '{print $5, $9}'
/usr/bin/python3 -m osgeo_utils.samples.validate_cloud_optimized_geotiff "$WORK"/hw/*.tif
