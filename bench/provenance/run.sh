#!/usr/bin/env bash
# Lineage-store benchmark. Usage: bench/provenance/run.sh [TRIPLES] [SLICE_TRIPLES] [REPS] [RDFLIB_REPS]
# Needs: JDK 17, Maven, Debian python3-rdflib (/usr/bin/python3). Not part of the unit tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIPLES=${1:-10000000}; SLICE=${2:-1000000}; REPS=${3:-200}; RDFLIB_REPS=${4:-20}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/headwater-lineage-bench.XXXX)}
# a reactor build (no install, no offline flag): the last module built, provenance, writes cp.txt last
./mvnw -B -q -pl ontologies,provenance test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="provenance/target/test-classes:provenance/target/classes:ontologies/target/classes:$(cat "$WORK/cp.txt")"
java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  org.headwater.provenance.bench.LineageBench "$WORK" "$TRIPLES" "$SLICE" "$REPS"
/usr/bin/python3 bench/provenance/rdflib_bench.py "$WORK/slice.nt" "$WORK/targets.txt" \
  ontologies/src/main/resources/org/headwater/ontologies/queries "$RDFLIB_REPS"
echo "store and slice in $WORK"
