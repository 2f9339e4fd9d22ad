#!/usr/bin/env bash
# Store load throughput (triples/s) for real run graphs: loads each PROV.TTL into a fresh embedded
# TDB2 store and into a served store over the Graph Store Protocol, as the background loader does.
# Usage: bench/provenance/load.sh [ROUNDS=3] PROV.TTL...
#   e.g. a run's graph: ./headwater run bench/convert/recipe... --work W, then W/runs/*/prov.ttl
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}; shift
WORK=$(mktemp -d /tmp/headwater-load-bench.XXXX)
trap 'rm -rf "$WORK"' EXIT
# one reactor call, so provenance's class path names ontologies/target/classes (nothing is installed)
./mvnw -B -q -pl ontologies,provenance test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="provenance/target/test-classes:provenance/target/classes:$(cat "$WORK/cp.txt")"
ABS=(); for f in "$@"; do ABS+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
java -Xmx512m -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  org.headwater.provenance.bench.LoadBench "$WORK" "$ROUNDS" "${ABS[@]}"
