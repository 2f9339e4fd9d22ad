"""Summarizes results.jsonl from run.sh: medians per tool and N, and the wall-time ratio.

Usage: /usr/bin/python3 summarize.py RESULTS.jsonl
Prints a Markdown table. "ratio" is xarray's median wall time over the tool's median wall time
(above 1: faster than xarray); "ratio range" is the smallest and largest same-repeat ratio.
"""

import collections
import json
import statistics
import sys


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    failed = [r for r in rows if r["exit"] != 0]
    rows = [r for r in rows if r["exit"] == 0]
    by = collections.defaultdict(list)
    for r in rows:
        by[(r["n"], r["tool"])].append(r)
    print("| N | tool | runs | wall s (median) | CPU s (median) | peak RSS MB (median / max) | ratio vs xarray (wall) | ratio range |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sorted({r["n"] for r in rows}):
        xa = by.get((n, "xarray"), [])
        xa_wall = statistics.median(r["wall_s"] for r in xa) if xa else None
        xa_by_rep = {r["rep"]: r["wall_s"] for r in xa}
        tools = sorted({t for (m, t) in by if m == n}, key=lambda t: (t == "xarray", t))
        for t in tools:
            rs = by[(n, t)]
            wall = statistics.median(r["wall_s"] for r in rs)
            cpu = statistics.median(r["cpu_s"] for r in rs)
            rss = statistics.median(r["peak_rss_mb"] for r in rs)
            rss_max = max(r["peak_rss_mb"] for r in rs)
            if t == "xarray" or xa_wall is None:
                ratio, rng = "", ""
            else:
                ratio = "%.2fx" % (xa_wall / wall)
                same = [xa_by_rep[r["rep"]] / r["wall_s"] for r in rs if r["rep"] in xa_by_rep]
                rng = "%.2f-%.2fx" % (min(same), max(same)) if same else ""
            print("| %d | %s | %d | %.1f | %.1f | %.0f / %.0f | %s | %s |"
                  % (n, t.replace("|", "\\|"), len(rs), wall, cpu, rss, rss_max, ratio, rng))
    loads = [r["load_before"] for r in rows]
    if loads:
        print("\nload average (1 min) before runs: median %.1f, range %.1f-%.1f"
              % (statistics.median(loads), min(loads), max(loads)))
    for r in failed:
        print("FAILED: %s N=%d rep %d (exit %d)" % (r["tool"], r["n"], r["rep"], r["exit"]))


if __name__ == "__main__":
    main()
