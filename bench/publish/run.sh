#!/usr/bin/env bash
# Publish benchmark: Headwater's Member Node client (heap capped at 256 MB) vs `curl -F`, both uploading
# the same file to the same loopback fake Member Node (which parses multipart, hashes and validates
# sysmeta like Metacat, keeping only small objects). Usage: bench/publish/run.sh [SIZE_MB ...]
# Default sizes: 256 2048 (the small size shows memory is flat in file size).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCHEMAS=${HEADWATER_SCHEMAS:-$ROOT/../shared/schemas}
WORK=${BENCH_WORK:-$(mktemp -d)}
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(256 2048)

cd "$ROOT"
# a reactor build (no install, no offline flag): publish is built last, so its class path is the one kept
mkdir -p "$WORK"
./mvnw -B -q -pl publish -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP=$(cat "$WORK/cp.txt")
CP="$ROOT/publish/target/classes:$ROOT/publish/target/test-classes:$CP"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" bench/publish/src/*.java
CP="$WORK/classes:$CP"

java -Xmx1g -cp "$CP" BenchNode "$SCHEMAS" > "$WORK/node.out" 2> "$WORK/node.err" &
NODE_PID=$!
trap 'kill $NODE_PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$WORK/node.out" ] && break; sleep 0.2; done
BASE=$(head -1 "$WORK/node.out")
# An unsigned JWT shaped like an ADC token, valid for an hour (the fake checks sub/exp only).
b64() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
EXP=$(( $(date +%s) + 3600 ))
export HEADWATER_TOKEN="$(b64 '{"alg":"none"}').$(b64 "{\"sub\":\"https://orcid.org/0000-0002-1825-0097\",\"exp\":$EXP}").sig"
echo "node $BASE, java $(java -version 2>&1 | head -1), curl $(curl --version | head -1 | cut -d' ' -f2), $(nproc) cores"

for MB in "${SIZES[@]}"; do
  F="$WORK/big-$MB.nc"
  [ -f "$F" ] || head -c $((MB << 20)) /dev/urandom > "$F"
  SHA=$(sha256sum "$F" | cut -d' ' -f1)
  cat "$F" > /dev/null  # warm the page cache for both contenders
  for round in 1 2; do
    PID_C="urn:uuid:curl-$MB-$round-$$"
    java -cp "$CP" BenchClient sysmeta "$F" "$SHA" "$PID_C" "$WORK/sysmeta-$round.xml"
    T=$(curl -sS -o "$WORK/curl.out" -w '%{time_total}' -H "Authorization: Bearer $HEADWATER_TOKEN" \
        -F "pid=$PID_C" -F "sysmeta=@$WORK/sysmeta-$round.xml;type=application/xml" \
        -F "object=@$F;type=application/octet-stream" "$BASE/v2/object")
    grep -q "$PID_C" "$WORK/curl.out" || { echo "curl upload refused:"; cat "$WORK/curl.out"; exit 1; }
    echo "size ${MB} MB round $round: curl $T s $(awk -v t="$T" -v m="$MB" 'BEGIN{printf "%.1f", m*1.048576/t}') MB/s"
    /usr/bin/time -f "  headwater max RSS %M kB" java -Xmx256m -cp "$CP" BenchClient upload "$BASE" "$F" "$SHA" \
        "urn:uuid:hw-$MB-$round-$$" 2>&1 | sed 's/^/  /'
  done
done
rm -f "$WORK"/big-*.nc
