#!/usr/bin/env bash
# Starts, stops or shows a standalone Flink 1.19 session cluster on this machine, from Headwater's
# own jars (no Flink distribution needed): a JobManager and a TaskManager, each its own JVM, on free
# loopback ports, with their configuration, logs and pids in DIR (default: headwater-flink).
#
#   scripts/flink-cluster.sh start [DIR] [SLOTS]   # SLOTS task slots (default 2); prints --flink-master
#   scripts/flink-cluster.sh status [DIR]
#   scripts/flink-cluster.sh stop [DIR]
#
# Then: ./headwater run RECIPE --runner flink --flink-master 127.0.0.1:PORT --parallelism SLOTS
# (the JobManager's REST address; `status` prints it). The workers read and write the same paths
# as the driver: on one machine that holds; see README "Cluster" for several machines.
set -euo pipefail
HW_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CMD="${1:-}"
DIR="${2:-headwater-flink}"
case "$CMD" in
  start|stop|status) ;;
  *) echo "usage: $0 start [DIR] [SLOTS] | status [DIR] | stop [DIR]" >&2; exit 2 ;;
esac
# ./headwater builds the jars and the class path file on first use (or after the sources changed)
HEADWATER_CDS=off "$HW_HOME/headwater" --version >/dev/null
CLI_JAR="$(ls "$HW_HOME"/cli/target/headwater-cli-*.jar | grep -v -e '-sources' -e '-tests' | head -1)"
CP="$CLI_JAR:$(cat "$HW_HOME/cli/target/classpath.txt")"
# the cluster's JVMs get what ./headwater's get for NetCDF-4 (the JNA path to Debian's libnetcdf)
JAVA_OPTS=""
for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
  if [ -e "$d/libnetcdf.so" ]; then JAVA_OPTS="-Djna.library.path=$d"; break; fi
done
exec java -cp "$CP" -Dheadwater.flink.javaOptions="$JAVA_OPTS" \
  org.headwater.pipeline.flink.LocalClusterMain "$CMD" "$DIR" "${@:3}"
