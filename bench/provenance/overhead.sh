#!/usr/bin/env bash
# What provenance capture adds to `headwater run` (issue 4: under 3 % of the recipe benchmark's
# wall time): the conversion benchmark's recipe (bench/convert, N daily NetCDF-4 files -> one
# Zarr store) run as ./headwater runs it, with and without provenance capture, interleaved.
# "Without" puts bench/provenance/no-capture/ProvenanceCapture.java (compiled here) before
# Headwater's classes: the same run minus building, validating and writing the graph and handing
# it to the store. "With" loads the store as `headwater run` does by default: a background loader
# after the run has committed; the script waits for it before the next run and reports its load.
# Each variant starts from a class-data archive made for its own class path (the stand-in is a jar
# first on the class path; a JVM whose class path does not match the archive loses it and starts
# slower). --before LIB adds a third variant, "before": an earlier build frozen by
# bench/freeze.sh ROOT LIB (its printed class path saved as LIB/classpath.txt), run with its own
# JVM options and archive, so a change to capture is measured against it in the same session.
#
# Usage: bench/provenance/overhead.sh [N...] [--repeats K] [--work DIR] [--before LIB]
#        (default: 365 1460, 3 repeats)
# Needs what bench/convert/run.sh needs (JDK 17, /usr/bin/python3 with netCDF4 and psutil).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONVERT="$ROOT/bench/convert"
PY=/usr/bin/python3
SIZES=(); REPEATS=3; WORK=""; BEFORE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="$2"; shift 2 ;;
    --before) BEFORE="$(cd "$2" && pwd)"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "overhead.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) SIZES+=("$1"); shift ;;
  esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(365 1460)
[ -n "$WORK" ] || WORK="$(mktemp -d /tmp/headwater-prov-overhead.XXXX)"
mkdir -p "$WORK/logs"; WORK="$(cd "$WORK" && pwd)"
RESULTS="$WORK/results.jsonl"; : > "$RESULTS"
trap 'rm -rf "$WORK/src" "$WORK/hw" "$WORK/lib"; gzip -qf "$WORK"/logs/*.log 2>/dev/null || true' EXIT

# Build, then freeze Headwater's jars and JVM settings (as bench/convert/run.sh does).
"$ROOT/headwater" --version >/dev/null
CP="$("$ROOT/bench/freeze.sh" "$ROOT" "$WORK/lib")"
javac --release 17 -nowarn -cp "$CP" -d "$WORK/lib/no-capture" "$HERE/no-capture/ProvenanceCapture.java"
jar cf "$WORK/lib/no-capture.jar" -C "$WORK/lib/no-capture" .
declare -A CPS=([with]="$CP" [without]="$WORK/lib/no-capture.jar:$CP") OPTS
echo "making the class-data archive for the class path without capture..." >&2
"$ROOT/scripts/cds-archive.sh" "$WORK/lib/no-capture.jsa" "${CPS[without]}"
OPTS[with]="$(HEADWATER_JAVA_OPTS="" "$WORK/lib/scripts/jvm-options.sh" run)"
OPTS[without]="$(printf '%s\n' "${OPTS[with]}" | sed "s|^-XX:SharedArchiveFile=.*|-XX:SharedArchiveFile=$WORK/lib/no-capture.jsa|")"
VARIANTS=(with without)
if [ -n "$BEFORE" ]; then
  CPS[before]="$(cat "$BEFORE/classpath.txt")"
  OPTS[before]="$(HEADWATER_JAVA_OPTS="" "$BEFORE/scripts/jvm-options.sh" run)"
  VARIANTS+=(before)
fi

MAX=0; for n in "${SIZES[@]}"; do [ "$n" -gt "$MAX" ] && MAX=$n; done
"$PY" "$CONVERT/make_sources.py" "$WORK/src" "$MAX"

run() {  # LABEL N REP
  local dir="$WORK/hw/$1-$2" log="$WORK/logs/$1-$2-$3.log" jvm
  rm -rf "$dir"; mkdir -p "$dir"
  mapfile -t jvm <<< "${OPTS[$1]}"
  "$PY" "$CONVERT/measure.py" "$RESULTS" "$1" "$2" "$3" "$log" -- \
    java "${jvm[@]}" -Dheadwater.home="$ROOT" -cp "${CPS[$1]}" org.headwater.cli.Headwater \
    run "$WORK/recipe-$2.yaml" --work "$dir" --store "$dir/lineage" --param "source_root=file:$WORK/src"
  cp "$dir"/runs/*/run.log "$WORK/logs/run-$1-$2-$3.log"  # timestamped: the phases table
  # the graph is loaded by a background process after the run: wait for it (so it does not slow
  # the next run) and keep its log, which times the load
  local pid; pid=$(grep -o 'background loader pid [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  if [ -n "$pid" ]; then
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    cp "$dir/lineage/pending/load.log" "$WORK/logs/load-$1-$2-$3.log"
    if ls "$dir"/runs/*/.store-pending >/dev/null 2>&1; then
      echo "overhead.sh: the background loader left the graph pending (see $WORK/logs/load-$1-$2-$3.log)" >&2; exit 1
    fi
  fi
}

for n in "${SIZES[@]}"; do
  sed -e "s/@END@/$((n - 1))/" "$CONVERT/recipe.yaml.in" > "$WORK/recipe-$n.yaml"
  for rep in $(seq 1 "$REPEATS"); do  # each repeat starts with the next variant
    k=${#VARIANTS[@]}
    for i in $(seq 0 $((k - 1))); do run "${VARIANTS[$(((rep - 1 + i) % k))]}" "$n" "$rep"; done
  done
  # both must have finished their output; the stand-in must really have skipped the graph
  ls "$WORK"/hw/with-"$n"/runs/*/prov.ttl "$WORK"/logs/load-with-"$n"-*.log "$WORK"/hw/with-"$n"/runs/*/outputs/bench.zarr/.zmetadata \
    "$WORK"/hw/without-"$n"/runs/*/outputs/bench.zarr/.zmetadata >/dev/null
  if ls "$WORK"/hw/without-"$n"/runs/*/prov.ttl >/dev/null 2>&1; then
    echo "overhead.sh: the run without capture wrote prov.ttl" >&2; exit 1
  fi
  if zgrep -l "Unable to use shared archive" "$WORK"/logs/*-"$n"-*.log 2>/dev/null; then
    echo "overhead.sh: these runs started without their class-data archive" >&2; exit 1
  fi
done

"$PY" - "$RESULTS" "$WORK/logs" <<'PYEOF' | tee "$WORK/summary.md"
import json, re, statistics, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1])]
by = collections.defaultdict(dict)
for r in rows:
    by[(r["n"], r["tool"])][r["rep"]] = r

TOOLS = [t for t in ("with", "before") if any(r["tool"] == t for r in rows)]

def pairs():
    """Per N and variant with capture: its runs, those without capture, the repeats both have."""
    for n in sorted({r["n"] for r in rows}):
        for tool in TOOLS:
            w, wo = by[(n, tool)], by[(n, "without")]
            reps = sorted(set(w) & set(wo))
            if reps:
                yield f"{n} ({tool})", w, wo, reps

def tail_ms(tool, n, rep):
    """The run's logged time after the pipeline: graph, validation, prov.ttl, store load, commit."""
    text = open(f"{sys.argv[2]}/{tool}-{n}-{rep}.log", errors="replace").read()
    m = re.search(r"provenance and commit (\d+) ms", text)
    return int(m.group(1)) if m else float("nan")

print("Whole runs (wall and CPU include everything; single differences show the machine's noise):")
print()
print("| N | wall with, s | wall without, s | added (median of same-repeat differences) | share | CPU with / without, s | peak RSS with / without, MB |")
print("|---|---|---|---|---|---|---|")
for n, w, wo, reps in pairs():  # n: "N (variant)"
    med = lambda d, k: statistics.median(d[i][k] for i in reps)
    diffs = [w[i]["wall_s"] - wo[i]["wall_s"] for i in reps]
    diff = statistics.median(diffs)
    each = ", ".join("%+.2f" % d for d in diffs)
    print(f"| {n} | {med(w,'wall_s'):.2f} | {med(wo,'wall_s'):.2f} | {diff:+.2f} s ({each}) | "
          f"{100 * diff / med(wo,'wall_s'):.1f} % | {med(w,'cpu_s'):.1f} / {med(wo,'cpu_s'):.1f} | "
          f"{med(w,'peak_rss_mb'):.0f} / {med(wo,'peak_rss_mb'):.0f} |")
print()
print("The part after the pipeline (logged 'provenance and commit'), where capture's work is on the")
print("critical path; far less noisy than whole runs, as the pipeline's own variation is not in it:")
print()
print("| N | after the pipeline with, ms | without, ms | added, ms (median with - median without) | share of the wall without |")
print("|---|---|---|---|---|")
for label, w, wo, reps in pairs():
    n, tool = label.split()[0], label.split()[1].strip("()")
    tw = [tail_ms(tool, n, i) for i in reps]
    two = [tail_ms("without", n, i) for i in reps]
    added = statistics.median(tw) - statistics.median(two)
    wall = statistics.median(wo[i]["wall_s"] for i in reps)
    print(f"| {label} | {statistics.median(tw):.0f} ({', '.join(map(str, tw))}) | "
          f"{statistics.median(two):.0f} ({', '.join(map(str, two))}) | {added:+.0f} | "
          f"{100 * added / 1000 / wall:.1f} % |")
print()
import datetime
def phases(r):
    """Start-up (process start to the run's first log line), pipeline, after it, exit (last line to
    the process's end), in ms, from the run's timestamped log and the measured start and end."""
    text = open(f"{sys.argv[2]}/run-{r['tool']}-{r['n']}-{r['rep']}.log", errors="replace").read()
    stamps = re.findall(r"^(\S+Z) \[", text, re.M)
    first, last = (datetime.datetime.fromisoformat(s[:26].rstrip("Z") + "+00:00").timestamp() for s in (stamps[0], stamps[-1]))
    m = re.search(r"pipeline (\d+) ms, provenance and commit (\d+) ms", text)
    return (1000 * (first - r["start_epoch"]), int(m.group(1)), int(m.group(2)), 1000 * (r["end_epoch"] - last))

print("Where the wall time goes (medians, ms): start-up is the process's start to the run's first")
print("log line (JVM, recipe, pipeline construction), exit the last log line to the process's end:")
print()
print("| N (variant) | start-up | pipeline | after the pipeline | exit |")
print("|---|---|---|---|---|")
for n, tool in sorted({(r["n"], r["tool"]) for r in rows if "start_epoch" in r}):
    ph = [phases(r) for r in rows if r["n"] == n and r["tool"] == tool]
    print(f"| {n} ({tool}) | " + " | ".join(f"{statistics.median(p[i] for p in ph):.0f}" for i in range(4)) + " |")
print()
print("The background load into the store (after each run with capture ended; from the loader's log):")
print()
print("| N | triples | load, ms (each) | triples/s (median) |")
print("|---|---|---|---|")
import glob
for n, tool in sorted({(r["n"], r["tool"]) for r in rows if r["tool"] != "without"}):
    loads = []
    for f in sorted(glob.glob(f"{sys.argv[2]}/load-{tool}-{n}-*.log")):
        m = re.search(r"loaded \S+ \((\d+) triples\) in (\d+) ms", open(f, errors="replace").read())
        if m:
            loads.append((int(m.group(1)), int(m.group(2))))
    if loads:
        rates = [t * 1000 / max(ms, 1) for t, ms in loads]
        print(f"| {n} ({tool}) | {loads[0][0]:,} | {', '.join(str(ms) for _, ms in loads)} | {statistics.median(rates):,.0f} |")
PYEOF
echo "results: $RESULTS, $WORK/summary.md"
