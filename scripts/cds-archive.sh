#!/usr/bin/env bash
# Makes ARCHIVE, the class-data-sharing archive scripts/jvm-options.sh starts Headwater with
# (./headwater keeps it at cli/target/headwater.jsa): a dynamic CDS archive (JDK 17,
# -XX:ArchiveClassesAtExit) of the classes a run loads, recorded by running the offline demo once
# in a temporary directory (nothing goes to the user's work directory or lineage store). The
# archive belongs to CLASSPATH: the JVM uses it only with the same jars, unchanged, so
# ./headwater remakes it after every build. If the demo fails, no archive is made and
# ARCHIVE.failed keeps the demo's output (./headwater then starts without an archive until the
# next build).
#
# Usage: scripts/cds-archive.sh ARCHIVE CLASSPATH
set -euo pipefail
HW_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARCHIVE="$1"; CP="$2"
rm -f "$ARCHIVE" "$ARCHIVE.failed"
mkdir -p "$(dirname "$ARCHIVE")"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/headwater-cds.XXXXXX")"
PART="$ARCHIVE.$$.part"  # beside the archive, so the rename is atomic
trap 'rm -rf "$TMP" "$PART"' EXIT
mapfile -t OPTS < <(HEADWATER_CDS=off HEADWATER_JAVA_OPTS="" "$HW_HOME/scripts/jvm-options.sh" demo)
if java "${OPTS[@]}" -XX:ArchiveClassesAtExit="$PART" -Dheadwater.home="$HW_HOME" -cp "$CP" \
     org.headwater.cli.Headwater demo --work "$TMP/work" --store "$TMP/lineage" >"$TMP/demo.log" 2>&1 \
   && [ -s "$PART" ]; then
  mv "$PART" "$ARCHIVE"
else
  cp "$TMP/demo.log" "$ARCHIVE.failed"
  echo "headwater: could not make the class-data archive (the demo's output is in $ARCHIVE.failed); starting without it" >&2
fi
