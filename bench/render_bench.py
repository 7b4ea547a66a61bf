#!/usr/bin/env python3
"""Times `retort upgrade base:heads --sql` on a generated 10,000-revision
project, the share of steps the native engine renders (the rest go through
the alembic bridge in one batch), and one revision's preview time through the
core (retort_render_bench). Figures for bench/README.md; nothing asserts.

  bench/render_bench.py --retort build/app/retort --render-bench build/bench/retort_render_bench
                        [--revisions 10000] [--runs 5] [--alembic] [--keep DIR]

Wall time on a shared 2-core machine is noisy; the child CPU time (user+sys,
including the bridge's Python) is printed beside it.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cli_bench import find_alembic_python, timed  # noqa: E402


def measure(cmd, cwd, runs, env=None):
    timed(cmd, cwd, env)  # warm the page cache, header cache and the bridge's bytecode
    walls, cpus = [], []
    for _ in range(runs):
        w, c = timed(cmd, cwd, env)
        walls.append(w)
        cpus.append(c)
    return statistics.median(walls), statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--retort", required=True)
    ap.add_argument("--render-bench", help="path to retort_render_bench (the preview figure)")
    ap.add_argument("--revisions", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--alembic", action="store_true", help="also time alembic itself once")
    ap.add_argument("--keep", help="generate the project here and keep it")
    args = ap.parse_args()

    python = find_alembic_python()
    retort = os.path.abspath(args.retort)
    root = args.keep or tempfile.mkdtemp(prefix="retort-render-bench-")
    project = os.path.join(root, "p%d" % args.revisions)
    try:
        if not os.path.exists(os.path.join(project, "alembic.ini")):
            subprocess.run([python, os.path.join(HERE, "generate_project.py"), project, "--revisions",
                            str(args.revisions), "--branch-every", "20", "--merge-every", "25", "--labels", "10",
                            "--depends-on", "40", "--quiet"], check=True)
        env = dict(os.environ, RETORT_CACHE_DIR=os.path.join(root, "cache"))
        listing = subprocess.run([retort, "-c", "alembic.ini", "engines", "--format", "json"], cwd=project, env=env,
                                 check=True, capture_output=True)
        revs = json.loads(listing.stdout)["revisions"]
        native_up = sum(1 for r in revs if r["upgrade"]["engine"] == "native")
        print("project: %d revisions; upgrade() rendered natively: %d (%.1f%%), through the bridge: %d"
              % (len(revs), native_up, 100.0 * native_up / len(revs), len(revs) - native_up))
        for engine in ("auto", "python"):
            cmd = [retort, "-c", "alembic.ini", "upgrade", "base:heads", "--sql", "--engine", engine]
            wall, cpu = measure(cmd, project, args.runs, env)
            print("retort upgrade base:heads --sql --engine %-6s median wall %.2f s, cpu %.2f s (%d runs)"
                  % (engine, wall, cpu, args.runs))
        if args.alembic:
            wall, cpu = timed([python, "-m", "alembic", "-c", "alembic.ini", "upgrade", "base:heads", "--sql"],
                              project)
            print("alembic upgrade base:heads --sql                 wall %.2f s, cpu %.2f s (1 run)" % (wall, cpu))
        if args.render_bench:
            out = subprocess.run([os.path.abspath(args.render_bench), os.path.join(project, "alembic.ini")],
                                 env=env, check=True, capture_output=True, text=True).stdout
            print(out.rstrip())
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
