#!/usr/bin/env bash
# Provenance-capture timing: the part of `headwater run` after the pipeline (graph build, SHACL
# validation, prov.ttl + prov.jsonld, lineage-store open/load/close), phase by phase, on a real
# run's run.json, in a fresh JVM (round 0 = what one `headwater run` pays; later rounds warm).
# Usage: bench/provenance/capture.sh RUN_DIR [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN=$(cd "$1" && pwd); ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/headwater-capture-bench.XXXX)
# a reactor build (no install, no offline flag): the last module built, provenance, writes cp.txt last
./mvnw -B -q -pl ontologies,provenance test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="provenance/target/test-classes:provenance/target/classes:ontologies/target/classes:$(cat "$WORK/cp.txt")"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.headwater.provenance.bench.CaptureBench "$RUN" "$WORK" "$ROUNDS"
rm -rf "$WORK"
