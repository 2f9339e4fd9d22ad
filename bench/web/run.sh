#!/usr/bin/env bash
# Web page render benchmark. Usage: bench/web/run.sh [TRIPLES] [REPS]
# Needs: JDK 17. Not part of the tests; see bench/web/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIPLES=${1:-1000000}; REPS=${2:-200}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/headwater-web-bench.XXXX)}
./mvnw -B -q -pl web -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
CP="web/target/test-classes:web/target/classes:$(cat web/target/bench-cp.txt)"
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  org.headwater.web.bench.PagesBench "$WORK" "$TRIPLES" "$REPS"
echo "store in $WORK (BENCH_WORK=$WORK bench/web/run.sh reuses it)"
