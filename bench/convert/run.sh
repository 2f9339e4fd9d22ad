#!/usr/bin/env bash
# Conversion benchmark: N daily NetCDF-4 files -> one Zarr store, Headwater vs xarray+dask+zarr.
#
# Usage: bench/convert/run.sh [N...] [--repeats K] [--keep] [--no-build] [--work DIR]
#                             [--hw-opts "JVM OPTIONS"]...
#   N            numbers of daily files (default: 365 1460)
#   --repeats K  runs per tool and N, interleaved (default 3); medians are reported
#   --hw-opts    a Headwater configuration: JVM options as HEADWATER_JAVA_OPTS would take them,
#                added to the launcher's (scripts/jvm-options.sh), or "jvm-defaults" for the
#                JVM's own defaults instead of the launcher's heap/GC/JIT settings; repeat for
#                several configurations (default: "" (as ./headwater runs) and "jvm-defaults")
#   --keep       keep the generated sources and the last stores (default: delete them)
#   --no-build   do not build; use what cli/target and the module jars hold now
#   --work DIR   where sources, stores, logs and results go (default: a new /tmp directory)
# Needs: JDK 17, Debian python3-xarray, python3-dask, python3-zarr, python3-netcdf4,
# python3-psutil (called as /usr/bin/python3). Not part of the test suite.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY=/usr/bin/python3

SIZES=(); REPEATS=3; KEEP=0; BUILD=1; WORK=""; HW_OPTS=(); HW_OPTS_SET=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --work) WORK="$2"; shift 2 ;;
    --hw-opts) HW_OPTS+=("$2"); HW_OPTS_SET=1; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) SIZES+=("$1"); shift ;;
  esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(365 1460)
[ "$HW_OPTS_SET" = 1 ] || HW_OPTS=("" "jvm-defaults")
[ -n "$WORK" ] || WORK="$(mktemp -d /tmp/headwater-convert-bench.XXXX)"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"

cleanup() {
  if [ "$KEEP" = 0 ]; then
    rm -rf "$WORK/src" "$WORK/hw" "$WORK/xarray" "$WORK/lib"
    gzip -qf "$WORK"/logs/*.log 2>/dev/null || true
  fi
}
trap cleanup EXIT

# 1. Build (through the launcher, which builds only when sources changed), then freeze a copy of
#    Headwater's own jars so that builds running elsewhere in the checkout cannot change the
#    code between runs.
if [ "$BUILD" = 1 ]; then
  echo "building Headwater (./headwater --version)..."
  "$ROOT/headwater" --version >/dev/null
fi
# The launcher's JVM options (scripts/jvm-options.sh, etc/jvm/) and a class-data archive for the
# frozen jars come along (bench/freeze.sh).
rm -rf "$WORK/lib"
CP="$("$ROOT/bench/freeze.sh" "$ROOT" "$WORK/lib")"

# 2. Sources: the largest N once; smaller N use the first files.
MAX=0
for n in "${SIZES[@]}"; do if [ "$n" -gt "$MAX" ]; then MAX=$n; fi; done
echo "writing $MAX daily NetCDF-4 files to $WORK/src..."
"$PY" "$HERE/make_sources.py" "$WORK/src" "$MAX"
echo "sources: $(du -sh "$WORK/src" | cut -f1)"

{
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$PY" --version 2>&1)"
  echo "debian packages: $(dpkg-query -W -f '${Package} ${Version}, ' python3-xarray python3-dask \
    python3-zarr python3-numcodecs python3-netcdf4 libnetcdf19 libhdf5-103-1 zlib1g 2>/dev/null)"
  echo "headwater: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) + working tree"
} | tee "$WORK/machine.txt"

hw_label() { if [ -z "$1" ]; then echo "headwater"; else echo "headwater $1"; fi; }

run_headwater() {  # N REP OPTS
  local n=$1 rep=$2 opts=$3 dir="$WORK/hw/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  # The same command line as `./headwater run` (launcher: java $(scripts/jvm-options.sh run)
  # -Dheadwater.home=... -cp ...), with a fresh lineage store per run inside the work directory,
  # so runs neither depend on nor grow the user's ~/.headwater/lineage.
  local jvm
  if [ "$opts" = jvm-defaults ]; then
    mapfile -t jvm < <(HEADWATER_JVM_DEFAULTS=off HEADWATER_JAVA_OPTS="" "$WORK/lib/scripts/jvm-options.sh" run)
  else
    mapfile -t jvm < <(HEADWATER_JAVA_OPTS="$opts" "$WORK/lib/scripts/jvm-options.sh" run)
  fi
  "$PY" "$HERE/measure.py" "$RESULTS" "$(hw_label "$opts")" "$n" "$rep" \
    "$WORK/logs/hw-$n-$rep-$(echo "$opts" | tr -c 'A-Za-z0-9\n' '_').log" -- \
    java "${jvm[@]}" -Dheadwater.home="$ROOT" -cp "$CP" org.headwater.cli.Headwater \
    run "$WORK/recipe-$n.yaml" --work "$dir" --store "$dir/lineage" --param "source_root=file:$WORK/src"
}

run_xarray() {  # N REP
  local n=$1 rep=$2
  rm -rf "$WORK/xarray/$n.zarr"; mkdir -p "$WORK/xarray"
  "$PY" "$HERE/measure.py" "$RESULTS" "xarray" "$n" "$rep" "$WORK/logs/xarray-$n-$rep.log" -- \
    "$PY" "$HERE/xarray_convert.py" "$WORK/src" "$n" "$WORK/xarray/$n.zarr"
}

mkdir -p "$WORK/logs"
for n in "${SIZES[@]}"; do
  sed -e "s/@END@/$((n - 1))/" "$HERE/recipe.yaml.in" > "$WORK/recipe-$n.yaml"
  echo "N=$n: $REPEATS repeats, interleaved"
  for rep in $(seq 1 "$REPEATS"); do
    # Alternate who goes first, so neither side always runs on a warmer page cache.
    # A failed run is recorded (and reported by summarize.py); the benchmark goes on.
    if [ $((rep % 2)) = 1 ]; then
      for o in "${HW_OPTS[@]}"; do run_headwater "$n" "$rep" "$o" || true; done
      run_xarray "$n" "$rep" || true
    else
      run_xarray "$n" "$rep" || true
      for o in "${HW_OPTS[@]}"; do run_headwater "$n" "$rep" "$o" || true; done
    fi
    if [ "$rep" = 1 ]; then
      store=$(ls -d "$WORK"/hw/"$n"/runs/*/outputs/bench.zarr 2>/dev/null | head -1)
      if [ -n "$store" ] && [ -d "$WORK/xarray/$n.zarr" ]; then
        "$PY" "$HERE/verify.py" "$store" "$WORK/xarray/$n.zarr" | tee -a "$WORK/verify.txt" || true
        # Sizes in bytes: the N source files, Headwater's store, xarray's store (packing kept by both).
        src_b=$(for i in $(seq 0 $((n - 1))); do printf '%s/src/file_%04d.nc\n' "$WORK" "$i"; done \
          | xargs du -cb | tail -1 | cut -f1)
        hw_b=$(du -sb "$store" | cut -f1); xa_b=$(du -sb "$WORK/xarray/$n.zarr" | cut -f1)
        "$PY" -c 'import sys; n, s, h, x = map(int, sys.argv[1:]); print("sizes: N=%d sources %.1f MB, headwater %.1f MB (%.2f x sources, %.2f x xarray), xarray %.1f MB (%.2f x sources)" % (n, s / 1e6, h / 1e6, h / s, h / x, x / 1e6, x / s))' \
          "$n" "$src_b" "$hw_b" "$xa_b" | tee -a "$WORK/sizes.txt"
      else
        echo "verify: skipped for N=$n (a store is missing)" | tee -a "$WORK/verify.txt"
      fi
    fi
  done
  [ "$KEEP" = 1 ] || rm -rf "$WORK/hw/$n" "$WORK/xarray/$n.zarr"
done

{ "$PY" "$HERE/summarize.py" "$RESULTS"; echo; cat "$WORK/verify.txt"; cat "$WORK/sizes.txt" 2>/dev/null; } \
  | tee "$WORK/summary.md"
echo "results: $RESULTS, $WORK/summary.md"
if grep -q DIFFERENT "$WORK/verify.txt"; then
  echo "run.sh: the stores differ: the comparison is not like for like" >&2
  exit 1
fi
