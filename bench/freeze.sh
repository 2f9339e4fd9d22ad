#!/usr/bin/env bash
# Freezes a copy of Headwater as ./headwater last built it, for benchmarks: the CLI jar and the
# project's module jars, scripts/jvm-options.sh and etc/jvm/ go into LIB, so builds running
# elsewhere in the checkout cannot change the code between timed runs; then, as ./headwater does
# after a build, a class-data archive for those jars (scripts/cds-archive.sh, untimed).
# Prints the class path to use (third-party jars stay in the Maven repository).
#
# Usage: bench/freeze.sh ROOT LIB      (ROOT: the checkout, built; LIB: an empty directory)
set -euo pipefail
ROOT="$1"; LIB="$2"
[ -f "$ROOT/cli/target/classpath.txt" ] || { echo "freeze.sh: no build found; run ./headwater --version first" >&2; exit 1; }
mkdir -p "$LIB/scripts" "$LIB/etc"
JAR="$(ls "$ROOT"/cli/target/headwater-cli-*.jar | grep -v -e '-sources' -e '-javadoc' | head -1)"
cp "$JAR" "$LIB/"
CP="$LIB/$(basename "$JAR")"
IFS=":" read -r -a ENTRIES < "$ROOT/cli/target/classpath.txt" || true  # no final newline
for e in "${ENTRIES[@]}"; do
  case "$e" in
    "$ROOT"/*) cp "$e" "$LIB/"; CP="$CP:$LIB/$(basename "$e")" ;;
    *) CP="$CP:$e" ;;
  esac
done
cp "$ROOT/scripts/jvm-options.sh" "$LIB/scripts/"
rm -rf "$LIB/etc/jvm"; cp -r "$ROOT/etc/jvm" "$LIB/etc/"
echo "making the class-data archive for the frozen jars (scripts/cds-archive.sh)..." >&2
"$ROOT/scripts/cds-archive.sh" "$LIB/cli/target/headwater.jsa" "$CP"
echo "$CP"
