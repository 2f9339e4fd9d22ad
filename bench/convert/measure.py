"""Runs one command and measures it: wall time, user+sys CPU, peak RSS of its process tree.

Usage: /usr/bin/python3 measure.py RESULTS.jsonl LABEL N REP LOG -- CMD [ARG...]

Appends one JSON line {tool, n, rep, wall_s, cpu_s, user_s, sys_s, peak_rss_mb, start_epoch,
end_epoch, ...} to
RESULTS.jsonl; the command's stdout and stderr go to LOG. Exits with the command's status.

CPU comes from wait4() (the child and every descendant it waited for). Peak RSS is the larger
of the kernel's ru_maxrss (largest single process) and the largest sum of RSS over the whole
process tree, sampled every 20 ms with psutil.
"""

import json
import os
import subprocess
import sys
import threading
import time

import psutil


def tree_rss(pid):
    try:
        root = psutil.Process(pid)
        procs = [root] + root.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def main():
    results, label, n, rep, log = sys.argv[1:6]
    if sys.argv[6] != "--":
        sys.exit("usage: measure.py RESULTS LABEL N REP LOG -- CMD...")
    cmd = sys.argv[7:]
    load_before = os.getloadavg()[0]
    with open(log, "wb") as out:
        start_epoch = time.time()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    code = os.waitstatus_to_exitcode(status)
    row = {
        "tool": label,
        "n": int(n),
        "rep": int(rep),
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "user_s": round(usage.ru_utime, 2),
        "sys_s": round(usage.ru_stime, 2),
        "peak_rss_mb": round(max(usage.ru_maxrss * 1024, peak[0]) / 2**20, 1),
        "maxrss_single_mb": round(usage.ru_maxrss / 1024, 1),
        "load_before": round(load_before, 2),
        "exit": code,
        "start_epoch": round(start_epoch, 3),
        "end_epoch": round(start_epoch + wall, 3),
    }
    with open(results, "a") as f:
        f.write(json.dumps(row) + "\n")
    print(
        "  %-22s N=%-5s rep %s: wall %7.2f s  cpu %7.2f s  peak RSS %7.1f MB  (load %.1f)%s"
        % (label, n, rep, row["wall_s"], row["cpu_s"], row["peak_rss_mb"], load_before,
           "" if code == 0 else "  FAILED, see " + log),
        flush=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
