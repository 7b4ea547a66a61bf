#!/usr/bin/env python3
"""Applies a generated project (1,000 revisions by default) to fresh databases
with three tools and compares their wall times:

  psql     `psql -f` on the offline script (`retort upgrade base:heads --sql`),
           statement by statement, one transaction: the floor for any tool
  render   `retort upgrade base:heads --sql`: what retort spends before executing
  retort   `retort upgrade heads` online: loading the project, planning from the
           database's rows, rendering, the migration lock, executing each
           statement through QtSql with its version-row statements
  alembic  `alembic upgrade heads` online (the real alembic 1.8.1)

Each run gets a fresh database on the private cluster (scripts/pg-cluster.sh
start exports RETORT_TEST_*); every run's end state is checked (version rows
equal to the heads, same schema dump as psql's). Prints the median wall time
of each and retort/psql. Figures for humans: nothing asserts.

  bench/apply_bench.py --retort build/app/retort [--revisions 1000] [--runs 5]
                       [--alembic-runs 3] [--ops realistic|minimal] [--keep DIR]
"""
import argparse
import os
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
        if exe and subprocess.run([exe, "-c", "import alembic"], capture_output=True).returncode == 0:
            return exe
    sys.exit("no Python interpreter can import alembic (install python3-alembic)")


class Cluster:
    def __init__(self):
        missing = [v for v in ("RETORT_TEST_PGHOST", "RETORT_TEST_PGPORT", "RETORT_TEST_PGUSER",
                               "RETORT_TEST_PG_BINDIR", "PGPASSFILE") if not os.environ.get(v)]
        if missing:
            sys.exit("no private cluster (%s unset): eval \"$(scripts/pg-cluster.sh start)\" first"
                     % ", ".join(missing))
        self.host = os.environ["RETORT_TEST_PGHOST"]
        self.port = os.environ["RETORT_TEST_PGPORT"]
        self.user = os.environ["RETORT_TEST_PGUSER"]
        self.bindir = os.environ["RETORT_TEST_PG_BINDIR"]
        self.counter = 0

    def psql(self, db, *args, capture=True):
        cmd = [os.path.join(self.bindir, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.host,
               "-p", self.port, "-U", self.user, "-d", db] + list(args)
        return subprocess.run(cmd, check=True, capture_output=capture, text=True)

    def fresh(self):
        self.counter += 1
        name = "apply_bench_%d_%d" % (os.getpid(), self.counter)
        self.psql("postgres", "-c", "DROP DATABASE IF EXISTS %s" % name)
        self.psql("postgres", "-c", "CREATE DATABASE %s" % name)
        return name

    def drop(self, db):
        self.psql("postgres", "-c", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % db)

    def url(self, db):
        return "postgresql://%s@%s:%s/%s" % (self.user, self.host, self.port, db)

    def rows(self, db):
        out = self.psql(db, "-At", "-c", "SELECT version_num FROM alembic_version ORDER BY 1").stdout
        return out.split()

    def dump(self, db):
        out = subprocess.run([os.path.join(self.bindir, "pg_dump"), "--schema-only", "--no-owner", "-h", self.host,
                              "-p", self.port, "-U", self.user, db], check=True, capture_output=True, text=True).stdout
        return "\n".join(l for l in out.splitlines() if not l.startswith(("\\restrict", "\\unrestrict")))


def timed(cmd, cwd, env):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd), proc.stderr.decode(errors="replace")[-800:]))
    return wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--retort", required=True)
    ap.add_argument("--revisions", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--alembic-runs", type=int, default=3)
    ap.add_argument("--ops", default="realistic", choices=["realistic", "minimal"])
    ap.add_argument("--keep")
    args = ap.parse_args()

    retort = os.path.abspath(args.retort)
    python = find_alembic_python()
    cluster = Cluster()
    work = args.keep or tempfile.mkdtemp(prefix="apply_bench_")
    project = os.path.join(work, "project")
    if not os.path.exists(project):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_project.py"), "--revisions",
                        str(args.revisions), "--ops", args.ops, "--seed", "1", "--quiet", project], check=True)
    ini = os.path.join(project, "alembic.ini")
    base_env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")

    # the offline script psql runs, and which engine rendered it
    script = os.path.join(work, "upgrade.sql")
    with open(script, "w") as f:
        subprocess.run([retort, "-c", ini, "upgrade", "base:heads", "--sql"], cwd=project, stdout=f, check=True,
                       env=base_env)
    engines = subprocess.run([retort, "-c", ini, "engines"], cwd=project, capture_output=True, text=True,
                             env=base_env).stdout
    python_steps = sum(1 for l in engines.splitlines() if l.split()[1:3] == ["upgrade", "python"])
    statements = sum(1 for l in open(script) if l.rstrip().endswith(";"))

    def run_psql(db):
        return timed([os.path.join(cluster.bindir, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", cluster.host,
                      "-p", cluster.port, "-U", cluster.user, "-d", db, "-f", script], project, base_env)

    def run_retort(db):
        return timed([retort, "-c", ini, "upgrade", "heads"], project, dict(base_env, DATABASE_URL=cluster.url(db)))

    def run_render(db):
        # what `upgrade heads` spends before executing: load, plan, render (native + bridge)
        return timed([retort, "-c", ini, "upgrade", "base:heads", "--sql"], project, base_env)

    def run_alembic(db):
        return timed([python, "-m", "alembic", "-c", ini, "upgrade", "heads"], project,
                     dict(base_env, DATABASE_URL=cluster.url(db)))

    reference = None
    results = {}
    tools = [("psql", run_psql, args.runs), ("retort", run_retort, args.runs), ("render", run_render, args.runs),
             ("alembic", run_alembic, args.alembic_runs)]
    # interleave the tools run by run so load changes hit all of them alike
    for run in range(max(args.runs, args.alembic_runs) + 1):
        for name, fn, runs in tools:
            if run > runs:
                continue
            db = cluster.fresh()
            try:
                wall = fn(db)
                if name == "render":
                    if run > 0:
                        results.setdefault(name, []).append(wall)
                    continue
                rows, dump = cluster.rows(db), cluster.dump(db)
                if reference is None:
                    reference = (rows, dump)
                elif (rows, dump) != reference:
                    raise RuntimeError("%s left a different database (rows %s)" % (name, rows))
            finally:
                cluster.drop(db)
            if run > 0:  # the first round warms caches (page cache, Retort's header cache)
                results.setdefault(name, []).append(wall)

    med = {k: statistics.median(v) for k, v in results.items()}
    print("apply %d revisions (%s ops, %d statements in the offline script, %d upgrade bodies through the bridge)"
          % (args.revisions, args.ops, statements, python_steps))
    for name in ("psql", "retort", "render", "alembic"):
        print("  %-8s median %7.2f s over %d runs  %s" % (name, med[name], len(results[name]),
                                                          " ".join("%.2f" % w for w in results[name])))
    print("  retort / psql    %.2f (executing only, retort minus render: %.2f)"
          % (med["retort"] / med["psql"], (med["retort"] - med["render"]) / med["psql"]))
    print("  alembic / retort %.2f" % (med["alembic"] / med["retort"]))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
