#!/usr/bin/env bash
# Stress test for issue 14 item 4: runs a recipe that writes one Zarr store and two NetCDF-4
# files (netCDF-C through JNA) from NetCDF-4 sources (read with libdeflate through JNA), N times
# (default 50), from a fresh clone of this repository built from scratch, and counts crashes:
# non-zero exits and hs_err_pid files. Usage: bench/stress/run.sh [N] [COMMIT]
set -uo pipefail
N="${1:-50}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COMMIT="${2:-$(git -C "$REPO" rev-parse HEAD)}"
DIR="$(mktemp -d /tmp/headwater-stress.XXXXXX)"
git clone -q "$REPO" "$DIR/headwater" && git -C "$DIR/headwater" checkout -q "$COMMIT" || exit 2
mkdir -p "$DIR/work/src"
/usr/bin/python3 "$DIR/headwater/bench/stress/sources.py" "$DIR/work/src" || exit 2
cp "$DIR/headwater/bench/stress/recipe.yaml" "$DIR/work/"
cd "$DIR/work"
# first use builds the clone (no offline flag, no reliance on an earlier mvn install)
"$DIR/headwater/headwater" validate recipe.yaml >build.log 2>&1 || { echo "build failed: $DIR/work/build.log"; exit 2; }
failures=0
for i in $(seq 1 "$N"); do
  "$DIR/headwater/headwater" run recipe.yaml --param source_root="file:$DIR/work/src" --store "$DIR/lineage" >"run.$i.log" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then failures=$((failures + 1)); echo "run $i: exit $rc ($DIR/work/run.$i.log)"; fi
done
crashes=$(find "$DIR" -name 'hs_err_pid*' | wc -l)
incomplete=0
for d in "$DIR"/work/headwater-work/runs/*/; do
  grep -q '"status" : "succeeded"' "$d/run.json" 2>/dev/null || incomplete=$((incomplete + 1))
done
echo "$N runs, $failures non-zero exits, $crashes hs_err files, $incomplete run directories not succeeded ($DIR)"
[ "$failures" -eq 0 ] && [ "$crashes" -eq 0 ]
