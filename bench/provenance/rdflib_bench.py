#!/usr/bin/python3
"""rdflib side of the lineage benchmark: load the N-Triples slice written by LineageBench and time
the same named queries (the .rq files shipped in ontologies/) with ?target bound via initBindings.

usage: /usr/bin/python3 rdflib_bench.py SLICE.nt TARGETS.txt QUERY_DIR REPS
"""
import statistics
import sys
import time

import rdflib
from rdflib.plugins.sparql import prepareQuery
from rdflib import URIRef


def main():
    slice_file, targets_file, query_dir, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    up, down = open(targets_file).read().split()
    g = rdflib.Graph()
    t0 = time.perf_counter()
    g.parse(slice_file, format="nt")
    load = time.perf_counter() - t0
    print(f"RDFLIB loaded {len(g):,} triples in {load:.1f} s ({len(g) / load:,.0f} triples/s), rdflib {rdflib.__version__}")
    for name, target in (("source-roots", up), ("downstream-impact", down)):
        q = prepareQuery(open(f"{query_dir}/{name}.rq").read())
        size = len(list(g.query(q, initBindings={"target": URIRef(target)})))
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            list(g.query(q, initBindings={"target": URIRef(target)}))
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"QUERY rdflib {name:<25} results {size:5d}  p50 {statistics.median(times):8.2f} ms  p99 {p99:8.2f} ms  (n={reps})")


if __name__ == "__main__":
    main()
