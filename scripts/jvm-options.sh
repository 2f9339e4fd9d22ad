#!/usr/bin/env bash
# Prints the JVM options the launcher starts Headwater with, one per line, for a command line
# (its arguments: the first one that is not an option names the command). Used by ./headwater and by the benchmarks, so both run the same JVM.
#
# Always: -Xss64m (deep lineage chains walked by SPARQL property paths on server threads), the
# JVM's own warnings on stderr (by default they go to stdout, which is for Headwater's output),
# the JNA library path when Debian's libnetcdf is installed, then $HEADWATER_JAVA_OPTS.
# For `run` and `demo` also, unless HEADWATER_JAVA_OPTS sets them itself:
#   -XX:ErrorFile          WORK/hs_err_pid%p.log (WORK from --work, default headwater-work), so a
#                          JVM crash report lands in the work directory, not the user's
#   -Xmx192m               data streams chunk by chunk, so a small heap keeps the whole process
#                          under 512 MB resident (bench/README.md); raise it for very large chunks
#   -XX:+UseParallelGC     less native memory and CPU than G1 for a small heap
#   compiler directives    etc/jvm/jit-directives.json: C2 compiles only the data path (hashing,
#                          inflating, shuffling, decoding: packages listed there), C1 the rest.
#                          A run touches much library code a few times (Beam's runner, Jena, the
#                          HDF5 header parser, serialization) and little code very often; with
#                          the defaults C2 spent as much CPU as the conversion, and C1-only code
#                          is 10x slower where it matters (SHA-256 loses its intrinsic). The
#                          first directive keeps C1 for code inside those packages that runs
#                          once per file or per element, not per value: Java serialization
#                          (Beam's in-memory state), the HDF5 header parser, JSON metadata,
#                          per-file setup and checks.
#                          HEADWATER_JIT=default leaves the JIT alone.
# For every command, when cli/target/headwater.jsa exists (./headwater makes it after each build:
# scripts/cds-archive.sh): -XX:SharedArchiveFile, so classes come pre-parsed and every command
# starts faster; HEADWATER_CDS=off goes without.
# HEADWATER_JVM_DEFAULTS=off leaves out the heap, GC, JIT and archive settings (the JVM's own
# defaults, for comparisons).
set -euo pipefail
HW_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
USER_OPTS="${HEADWATER_JAVA_OPTS:-}"
COMMAND=""
for a in "$@"; do
  case "$a" in -*) ;; *) COMMAND="$a"; break ;; esac
done
WORK="headwater-work"
prev=""
for a in "$@"; do
  case "$prev:$a" in --work:*) WORK="$a" ;; *:--work=*) WORK="${a#--work=}" ;; esac
  prev="$a"
done
opts=(-Xss64m -Xlog:disable -Xlog:all=warning:stderr)
for d in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib; do
  if [ -e "$d/libnetcdf.so" ]; then opts+=("-Djna.library.path=$d"); break; fi
done
ARCHIVE="$HW_HOME/cli/target/headwater.jsa"
if [ "${HEADWATER_JVM_DEFAULTS:-on}" = on ] && [ "${HEADWATER_CDS:-on}" != off ] && [ -f "$ARCHIVE" ]; then
  opts+=("-XX:SharedArchiveFile=$ARCHIVE")
fi
case "${HEADWATER_JVM_DEFAULTS:-on}:$COMMAND" in
  on:run|on:demo)
    [[ "$USER_OPTS" == *-Xmx* || "$USER_OPTS" == *MaxRAM* ]] || opts+=(-Xmx192m)
    [[ "$USER_OPTS" == *GC* ]] || opts+=(-XX:+UseParallelGC)
    # a JVM crash report goes to the work directory (beside runs/), not the user's directory
    # (the JVM writes it to /tmp when the work directory does not exist yet)
    [[ "$USER_OPTS" == *ErrorFile* ]] || opts+=("-XX:ErrorFile=$(realpath -m "$WORK")/hs_err_pid%p.log")
    if [ "${HEADWATER_JIT:-}" != default ] && [[ "$USER_OPTS" != *CompilerDirectivesFile* ]]; then
      # the JVM announces "3 compiler directives added" on its console stream at every start;
      # -DisplayVMOutput silences that stream only (warnings and errors still reach stderr)
      opts+=(-XX:+UnlockDiagnosticVMOptions "-XX:CompilerDirectivesFile=$HW_HOME/etc/jvm/jit-directives.json"
             -XX:-DisplayVMOutput)
    fi
    ;;
esac
printf '%s\n' "${opts[@]}"
# shellcheck disable=SC2086 # the user's options are words, as a shell would split them
[ -z "$USER_OPTS" ] || printf '%s\n' $USER_OPTS
