#!/usr/bin/env python3
"""The shape sweep: every graph shape of shapes.py at several sizes, every command.

    bench/shape_sweep.py --retort build/app/retort --graph-bench build/bench/retort_graph_bench
        [--gui-bench build/bench/retort_gui_bench] [--shapes a,b] [--sizes 1000,10000,50000,100000]
        [--runs 5] [--alembic-max 10000] [--alembic-timeout 300] [--check-max 10000]
        [--work DIR] [--markdown FILE]

Per shape and size it prints, for `heads`, `history`, `branches`, `show HEAD`
and `upgrade base:heads --sql`: Retort's median CPU time (user + sys of the
process; the wall time on a shared machine mostly measures the others) warm
(header cache on) and, for heads and history, cold (cache off); alembic
1.8.1's CPU time for the
same command in the same run where the size is at most --alembic-max (one run,
given up after --alembic-timeout seconds) and the ratio; whether both printed
the same text (up to set order, as tests/cli's normalizer sees it) where the
size is at most --check-max; the in-process steps of retort_graph_bench
(placement of a database halfway down, an online plan from there, the lane
layout); with --gui-bench, the window's figures. Then the growth exponent
log(t2/t1)/log(n2/n1) of each figure between successive sizes.
Nothing here asserts: these are figures for bench/README.md.
"""
import argparse
import math
import os
import re
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from cli_bench import find_alembic_python  # noqa: E402
from shapes import SHAPES  # noqa: E402

COMMANDS = [
    ("heads", ["heads"]),
    ("history", ["history"]),
    ("branches", ["branches"]),
    ("show", ["show", "@HEAD@"]),
    ("upgrade --sql", ["upgrade", "base:heads", "--sql"]),
]
COLD = {"heads", "history"}


def run(cmd, cwd, env=None, timeout=None):
    """CPU seconds (user + sys) of the child and the finished process. On a
    shared machine the wall time mostly measures the other processes; the
    CPU time is what the command itself costs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc


def normalized(text):
    """Set-ordered places sorted, as tests/cli/outputnormalizer.cpp does for the lines that matter here."""
    out = []
    for line in text.decode("utf-8", "replace").split("\n"):
        for prefix in ("Branch names: ", "Branches into: "):
            if line.startswith(prefix):
                line = prefix + ", ".join(sorted(line[len(prefix):].split(", ")))
        line = re.sub(r"\(([^()]*, [^()]*)\)", lambda m: "(" + ", ".join(sorted(m.group(1).split(", "))) + ")", line)
        out.append(line)
    # children of a branch point (`branches`) come in set order
    blocks, block = [], []
    for line in out:
        if re.match(r"^ + -> ", line):
            block.append(line)
            continue
        if block:
            blocks.extend(sorted(block))
            block = []
        blocks.append(line)
    blocks.extend(sorted(block))
    # a merge's version rows: which parent row is deleted and which updated
    # is set order (alembic differs from run to run); what they leave is not.
    # One effect per run of row statements, as normalizeVersionRowOrder does.
    chunks, merged, i = "\n".join(blocks).split("\n\n"), [], 0
    row = re.compile(r"^(DELETE FROM|UPDATE) alembic_version ")
    while i < len(chunks):
        j = i
        while j < len(chunks) and row.match(chunks[j]):
            j += 1
        if j - i > 1:
            removed, added = [], []
            for chunk in chunks[i:j]:
                values = re.findall(r"'([^']*)'", chunk)
                if chunk.startswith("DELETE"):
                    removed.append(values[0])
                else:
                    added.append(values[0])
                    removed.append(values[1])
            merged.append("<version rows: -%s +%s>" % (",".join(sorted(removed)), ",".join(sorted(added))))
            i = j
        else:
            merged.append(chunks[i])
            i = max(j, i + 1)
    return "\n\n".join(merged)


def project(work, shape, size):
    out = os.path.join(work, "%s-%d" % (shape, size))
    if not os.path.exists(os.path.join(out, "alembic.ini")):
        subprocess.run([sys.executable, os.path.join(HERE, "shapes.py"), out, "--shape", shape,
                        "--revisions", str(size), "--quiet"], check=True)
    return out


def median_run(cmd, cwd, runs, env=None):
    run(cmd, cwd, env)  # warm the page cache and the header cache; not counted
    times, proc = [], None
    for _ in range(runs):
        t, proc = run(cmd, cwd, env)
        times.append(t)
    return statistics.median(times), proc


def graph_bench(exe, ini, runs):
    _, proc = run([exe, ini, "--runs", str(runs)], os.path.dirname(ini))
    figures = {}
    for line in proc.stdout.decode().splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] not in ("revisions",):
            try:
                figures[parts[0]] = float(parts[1]) / 1000.0
            except ValueError:
                pass
    return figures


def gui_bench(exe, ini, runs):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    _, proc = run([exe, ini, "--runs", str(runs)], os.path.dirname(ini), env=env, timeout=1800)
    text = proc.stdout.decode()
    # Memory as one user's window costs it: a process of its own running a
    # session (open, scan, scroll, search, select, two reloads), not the
    # figures of the run above, which opens several windows in turn.
    _, session = run([exe, ini, "--session"], os.path.dirname(ini), env=env, timeout=1800)
    text += session.stdout.decode()
    figures = {}
    for key, pattern in (("open", r"open -> first painted graph median\s+([\d.]+)"),
                         ("scroll", r"repaint per scroll step\s+median\s+([\d.]+)"),
                         ("memory", r"session reloaded \(a touched file\)\s+VmHWM\s+([\d.]+) MB"),
                         ("memory at end", r"session reloaded \(a touched file\).*VmRSS\s+([\d.]+) MB")):
        m = re.search(pattern, text)
        if m:
            figures[key] = float(m.group(1))
    return figures


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--retort", required=True)
    p.add_argument("--graph-bench", help="without it, no `core` rows")
    p.add_argument("--gui-bench")
    p.add_argument("--shapes", default=",".join(SHAPES))
    p.add_argument("--sizes", default="1000,10000,50000,100000")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--alembic-max", type=int, default=10000)
    p.add_argument("--alembic-timeout", type=int, default=300)
    p.add_argument("--alembic-commands", default=",".join(name for name, _ in COMMANDS),
                   help="which commands alembic runs above 1,000 revisions (all of them at 1,000 and below)")
    p.add_argument("--commands", default=",".join(name for name, _ in COMMANDS),
                   help="which CLI commands to time (default: all)")
    p.add_argument("--gui-sizes", default="10000,100000")
    p.add_argument("--check-max", type=int, default=10000)
    p.add_argument("--work", default="/tmp/retort-shape-sweep")
    p.add_argument("--markdown")
    a = p.parse_args()
    retort = os.path.abspath(a.retort)
    a.graph_bench = a.graph_bench and os.path.abspath(a.graph_bench)
    a.gui_bench = a.gui_bench and os.path.abspath(a.gui_bench)
    python = find_alembic_python()
    sizes = [int(s) for s in a.sizes.split(",")]
    os.makedirs(a.work, exist_ok=True)
    cache = os.path.join(a.work, "cache")
    warm_env = dict(os.environ, RETORT_CACHE_DIR=cache)
    cold_env = dict(os.environ, RETORT_CACHE_DIR="off")
    with open("/proc/loadavg") as f:
        print("load average: %s" % f.read().strip(), flush=True)

    rows = []  # (shape, size, figure, retort seconds, alembic seconds or None, same or None)
    for shape in a.shapes.split(","):
        for size in sizes:
            out = project(a.work, shape, size)
            ini = os.path.join(out, "alembic.ini")
            _, heads = run([retort, "-c", "alembic.ini", "heads"], out, warm_env)
            head = heads.stdout.decode().split()[0]
            for name, args in COMMANDS:
                if name not in a.commands.split(","):
                    continue
                args = [head if x == "@HEAD@" else x for x in args]
                warm, proc = median_run([retort, "-c", "alembic.ini"] + args, out, a.runs, warm_env)
                if proc.returncode != 0:
                    print("%s %d %s: retort failed: %s" % (shape, size, name, proc.stderr.decode()[-300:]))
                alembic_t, same = None, None
                if size <= a.alembic_max and (size <= 1000 or name in a.alembic_commands.split(",")):
                    try:
                        alembic_t, ref = run([python, "-m", "alembic", "-c", "alembic.ini"] + args, out,
                                             timeout=a.alembic_timeout)
                        if size <= a.check_max:
                            same = normalized(ref.stdout) == normalized(proc.stdout) and ref.returncode == proc.returncode
                    except subprocess.TimeoutExpired:
                        alembic_t = float("inf")
                rows.append((shape, size, name + " warm", warm, alembic_t, same))
                if name in COLD:
                    cold, _ = median_run([retort, "-c", "alembic.ini"] + args, out, max(1, a.runs // 2), cold_env)
                    rows.append((shape, size, name + " cold", cold, None, None))
                print("%-14s %6d %-22s %8.3f s%s%s" % (
                    shape, size, name, warm,
                    "" if alembic_t is None else "  alembic %8.2f s  x%.0f" % (alembic_t, alembic_t / warm),
                    "" if same is None else ("  same" if same else "  DIFFERENT")), flush=True)
            for step, seconds in (graph_bench(a.graph_bench, ini, a.runs) if a.graph_bench else {}).items():
                rows.append((shape, size, "core " + step, seconds, None, None))
                print("%-14s %6d core %-17s %8.3f s" % (shape, size, step, seconds), flush=True)
            if a.gui_bench and str(size) in a.gui_sizes.split(","):
                for key, value in gui_bench(a.gui_bench, ini, 2).items():
                    unit = "MB" if key.startswith("memory") else "ms"
                    rows.append((shape, size, "window " + key + " (" + unit + ")", value, None, None))
                    print("%-14s %6d window %-15s %8.1f %s" % (shape, size, key, value, unit), flush=True)

    # growth exponents between successive sizes
    print("\ngrowth exponents (log(t2/t1) / log(n2/n1)):")
    table = {}
    for shape, size, figure, t, _, _ in rows:
        table[(shape, figure, size)] = t
    figures = []
    for _, _, figure, _, _, _ in rows:
        if figure not in figures:
            figures.append(figure)
    for shape in a.shapes.split(","):
        for figure in figures:
            for s1, s2 in zip(sizes, sizes[1:]):
                t1, t2 = table.get((shape, figure, s1)), table.get((shape, figure, s2))
                if t1 and t2 and t1 > 0:
                    e = math.log(t2 / t1) / math.log(s2 / s1)
                    print("%-14s %-22s %6d -> %6d  %.2f" % (shape, figure, s1, s2, e))

    if a.markdown:
        # the exponent column: from the second size (the first is often too
        # small to time) to the last, or between the only two
        low = sizes[1] if len(sizes) > 2 else sizes[0]
        with open(a.markdown, "w") as f:
            for shape in a.shapes.split(","):
                f.write("\n#### %s\n\n" % shape)
                f.write("| figure | " + " | ".join("%d" % s for s in sizes) + " | exponent %d→%d | alembic %d (ratio) | same text |\n"
                        % (low, sizes[-1], min(a.alembic_max, sizes[-1])))
                f.write("|---|" + "---|" * len(sizes) + "---|---|---|\n")
                for figure in figures:
                    cells = []
                    for s in sizes:
                        t = table.get((shape, figure, s))
                        if t is None:
                            cells.append("")
                        elif figure.startswith("window"):
                            cells.append("%.1f" % t)
                        else:
                            cells.append("%.3f s" % t)
                    e = None
                    if low < sizes[-1] and (shape, figure, low) in table and (shape, figure, sizes[-1]) in table:
                        t1, t2 = table[(shape, figure, low)], table[(shape, figure, sizes[-1])]
                        e = math.log(t2 / t1) / math.log(sizes[-1] / low) if t1 > 0 else None
                    ref = [r for r in rows if r[0] == shape and r[2] == figure and r[4] is not None]
                    ref = max(ref, key=lambda r: r[1]) if ref else None
                    alembic = "" if not ref else ("timed out" if ref[4] == float("inf")
                                                  else "%.2f s (x%.0f)" % (ref[4], ref[4] / ref[3]))
                    checks = [r[5] for r in rows if r[0] == shape and r[2] == figure and r[5] is not None]
                    same = "" if not checks else ("yes" if all(checks) else "NO")
                    f.write("| %s | %s | %s | %s | %s |\n" % (figure, " | ".join(cells),
                                                              "" if e is None else "%.2f" % e, alembic, same))
    return 0


if __name__ == "__main__":
    sys.exit(main())
