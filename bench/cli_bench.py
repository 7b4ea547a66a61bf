#!/usr/bin/env python3
"""Times `heads` and `history` of retort against alembic on generated projects.

Prints, per project size and command, the median wall time and the median CPU
time (user+sys of the child) over several runs, for both tools, and their
ratio. Retort is timed twice: "cold" with its header cache off (every file
parsed, as on a first run) and "warm" with it on (unchanged files not parsed). Wall time on a shared 2-core machine is noisy; CPU time is the steadier
figure. Nothing here asserts: these are figures for humans and notes.

  bench/cli_bench.py --retort build/app/retort [--sizes 1000,10000]
                     [--runs 7] [--alembic-runs 3] [--keep DIR]

The alembic interpreter is found by asking candidates to `import alembic`.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def find_alembic_python():
    env = os.environ.get("RETORT_ALEMBIC_PYTHON")
    for cand in ([env] if env else []) + ["/usr/bin/python3", "python3", "python"]:
        exe = shutil.which(cand) if not os.path.isabs(cand) else cand
        if not exe:
            continue
        ok = subprocess.run([exe, "-c", "import alembic"], capture_output=True).returncode == 0
        if ok:
            return exe
    sys.exit("no Python interpreter can import alembic (install python3-alembic)")


def timed(cmd, cwd, env=None):
    """Wall seconds and child CPU seconds of one run; raises on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd), proc.stderr.decode(errors="replace")[-500:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(cmd, cwd, runs, env=None):
    walls, cpus = [], []
    timed(cmd, cwd, env)  # warm the page cache (and Retort's header cache); not counted
    for _ in range(runs):
        w, c = timed(cmd, cwd, env)
        walls.append(w)
        cpus.append(c)
    return statistics.median(walls), statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--retort", required=True, help="path to the built retort executable")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=7, help="runs of retort per figure (median)")
    ap.add_argument("--alembic-runs", type=int, default=3, help="runs of alembic per figure (median)")
    ap.add_argument("--keep", help="generate projects here and keep them")
    args = ap.parse_args()

    python = find_alembic_python()
    retort = os.path.abspath(args.retort)
    root = args.keep or tempfile.mkdtemp(prefix="retort-bench-")
    try:
        cache = os.path.join(root, "cache")
        warm = dict(os.environ, RETORT_CACHE_DIR=cache)
        cold = dict(os.environ, RETORT_CACHE_DIR="off")
        print("%-7s %-8s %-5s %12s %12s %12s %12s %9s %9s" % (
            "revs", "command", "cache", "retort wall", "retort cpu", "alembic wall", "alembic cpu", "wall x", "cpu x"))
        for size in [int(s) for s in args.sizes.split(",")]:
            proj = os.path.join(root, "p%d" % size)
            if not os.path.exists(os.path.join(proj, "alembic.ini")):
                subprocess.run([python, os.path.join(HERE, "generate_project.py"), proj,
                                "--revisions", str(size), "--branch-every", "20", "--merge-every", "25",
                                "--labels", "10", "--depends-on", "40", "--seed", "1", "--quiet"], check=True)
            for command in ("heads", "history"):
                aw, ac = measure([python, "-m", "alembic", "-c", "alembic.ini", command], proj, args.alembic_runs)
                for label, env in (("cold", cold), ("warm", warm)):
                    rw, rc = measure([retort, "-c", "alembic.ini", command], proj, args.runs, env)
                    print("%-7d %-8s %-5s %10.0fms %10.0fms %10.0fms %10.0fms %8.0fx %8.0fx" % (
                        size, command, label, rw * 1000, rc * 1000, aw * 1000, ac * 1000, aw / rw,
                        ac / max(rc, 1e-6)), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
