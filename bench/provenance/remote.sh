#!/usr/bin/env bash
# `headwater lineage TARGET --store http://…` before and after remote reads queried the endpoint.
# Usage: bench/provenance/remote.sh [DEPTH=15] [COLD_ROUNDS=7] [WARM_ROUNDS=15]
# (a store of 20 lanes x DEPTH runs, ~890 triples each, built once under $BENCH_WORK)
set -euo pipefail
cd "$(dirname "$0")/../.."
DEPTH=${1:-15}; COLD=${2:-7}; WARM=${3:-15}
WORK=${BENCH_WORK:-/tmp/headwater-remote-bench}
mkdir -p "$WORK"
./mvnw -B -q -pl ontologies,provenance test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="provenance/target/test-classes:provenance/target/classes:ontologies/target/classes:$(cat "$WORK/cp.txt")"
java -Xss64m -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  org.headwater.provenance.bench.RemoteLineageBench "$WORK" "$DEPTH" "$COLD" "$WARM"
