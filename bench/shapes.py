#!/usr/bin/env python3
"""Families of revision-graph shapes, written as Alembic projects with empty bodies.

    shapes.py OUT_DIR --shape NAME --revisions N [--seed S]
    shapes.py --list

Each shape stresses one thing real projects accumulate over years and that
the feature-rich generate_project.py (which caps labels and lanes) does not
reach: hundreds of branch labels, long-lived labelled branches merged back,
ten-parent merges, depends_on chains across branches, hundreds of heads (or one head in two), a
branch point at every revision. The graph scales with N; everything derives
from --seed. Bodies are `pass`: these projects measure the graph, not the SQL.

The rules that keep alembic 1.8.1 able to run every command on them (see
bench/README.md, "Graph rules"): every edge points at an older revision, and a
depends_on target is never the tip of its lane (it already has a child), so no
leaf is an effective head and no merge joins a tip with its own dependant.
"""
import argparse
import os
import random
import sys

from generate_project import ENV_PY, SCRIPT_MAKO


class Rev:
    __slots__ = ("idx", "rid", "parents", "labels", "deps")

    def __init__(self, idx, rid, parents):
        self.idx = idx
        self.rid = rid
        self.parents = parents
        self.labels = []
        self.deps = []


class Builder:
    """Grows a graph revision by revision; lanes are names for open tips."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.revs = []
        self.used = set()
        self.label_count = 0

    def new(self, *parents):
        while True:
            rid = "%012x" % self.rng.getrandbits(48)
            if rid not in self.used and not rid.isdigit():
                break
        self.used.add(rid)
        rev = Rev(len(self.revs), rid, list(parents))
        self.revs.append(rev)
        return rev

    def chain(self, tip, length):
        for _ in range(length):
            tip = self.new(tip)
        return tip

    def label(self, rev, prefix):
        self.label_count += 1
        rev.labels.append("%s_%04d" % (prefix, self.label_count))
        return rev


def linear_labels(n, seed):
    """A trunk; every 50 revisions a labelled feature branch of four forks off
    and is merged back (about 200 labels at 10,000 revisions)."""
    b = Builder(seed)
    trunk = b.new()
    while len(b.revs) < n:
        feature = b.label(b.new(trunk), "feature")
        feature = b.chain(feature, 3)
        trunk = b.chain(trunk, 44)
        trunk = b.new(trunk, feature)
    return b.revs


def long_lived(n, seed):
    """Twelve labelled branches open at any time, each living for 15 to 60 of
    its own revisions among the others' before it is merged back into the
    trunk and replaced (about 180 labels at 10,000 revisions)."""
    b = Builder(seed)
    rng = b.rng
    trunk = b.new()
    lanes = []  # [tip, revisions left]
    while len(b.revs) < n:
        while len(lanes) < 12:
            lanes.append([b.label(b.new(trunk), "lane"), rng.randint(15, 60)])
        if rng.random() < 0.3:
            trunk = b.new(trunk)
            continue
        lane = rng.choice(lanes)
        if lane[1] > 0:
            lane[0] = b.new(lane[0])
            lane[1] -= 1
        else:
            trunk = b.new(trunk, lane[0])
            lanes.remove(lane)
    if lanes:
        b.new(trunk, *[lane[0] for lane in lanes])
    return b.revs


def wide_merges(n, seed):
    """Over and over: ten lanes of three revisions fork from the trunk and a
    single revision merges all ten tips; one lane in four is labelled."""
    b = Builder(seed)
    rng = b.rng
    trunk = b.new()
    while len(b.revs) < n:
        tips = []
        for k in range(10):
            root = b.new(trunk)
            if k and rng.random() < 0.25:
                b.label(root, "wide")
            tips.append(b.chain(root, 2))
        trunk = b.new(*tips)
    return b.revs


def deep_depends(n, seed):
    """Four labelled lanes grown in turn; every revision depends on the
    second-newest revision of the next lane, so depends_on chains run the
    whole history across branches. The lanes merge at the end."""
    b = Builder(seed)
    base = b.new()
    lanes = [[b.label(b.new(base), "track")] for _ in range(4)]
    k = 0
    while len(b.revs) < n - 1:
        lane = lanes[k % 4]
        other = lanes[(k + 1) % 4]
        rev = b.new(lane[-1])
        if len(other) >= 2:
            rev.deps.append(other[-2].rid)
        lane.append(rev)
        k += 1
    b.new(*[lane[-1] for lane in lanes])
    return b.revs


def many_heads(n, seed):
    """A trunk with side branches that are never merged: min(500, N/4) heads;
    one side branch in five is labelled."""
    b = Builder(seed)
    rng = b.rng
    heads = max(2, min(500, n // 4))
    per = max(3, n // heads)
    trunk = b.new()
    while len(b.revs) < n:
        side = b.new(trunk)
        if rng.random() < 0.2:
            b.label(side, "side")
        b.chain(side, rng.randint(max(0, per - 5), per - 2))
        trunk = b.chain(trunk, 1 + rng.randint(0, 1))
    return b.revs


def branch_points(n, seed):
    """Every trunk revision is a branch point: it has the next trunk revision
    and a side revision as children, and the side revision is merged into the
    trunk one step later. One side revision in fifty is labelled."""
    b = Builder(seed)
    rng = b.rng
    prev_side = None
    trunk = b.new()
    while len(b.revs) < n:
        side = b.new(trunk)
        if rng.random() < 0.02:
            b.label(side, "spur")
        trunk = b.new(trunk, prev_side) if prev_side else b.new(trunk)
        prev_side = side
    b.new(trunk, prev_side)
    return b.revs


def side_heads(n, seed):
    """Every trunk revision has a one-revision side branch that is never
    merged: N/2 heads, each below no other (one side head in fifty is
    labelled)."""
    b = Builder(seed)
    rng = b.rng
    trunk = b.new()
    while len(b.revs) < n:
        side = b.new(trunk)
        if rng.random() < 0.02:
            b.label(side, "leaf")
        trunk = b.new(trunk)
    return b.revs


def fan(n, seed):
    """One root and every other revision its child: N-1 heads side by side
    (one in fifty labelled)."""
    b = Builder(seed)
    rng = b.rng
    root = b.new()
    while len(b.revs) < n:
        child = b.new(root)
        if rng.random() < 0.02:
            b.label(child, "fan")
    return b.revs


SHAPES = {
    "linear-labels": linear_labels,
    "long-lived": long_lived,
    "wide-merges": wide_merges,
    "deep-depends": deep_depends,
    "many-heads": many_heads,
    "branch-points": branch_points,
    "side-heads": side_heads,
    "fan": fan,
}

INI = """[alembic]
script_location = %(here)s/migrations
version_path_separator = os
sqlalchemy.url = postgresql://retort@localhost/retort_synthetic

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""


def literal(values, single_as_tuple):
    if not values:
        return "None"
    if len(values) == 1:
        return "(%r,)" % values[0] if single_as_tuple else repr(values[0])
    return "(%s)" % ", ".join(repr(v) for v in values)


def render(shape, rev):
    parents = [p.rid for p in rev.parents]
    return "\n".join([
        '"""%s revision %d' % (shape, rev.idx),
        "",
        "Revision ID: %s" % rev.rid,
        "Revises: %s" % ", ".join(parents),
        "Create Date: 2024-01-01 00:00:00.000000",
        "",
        '"""',
        "from alembic import op",
        "import sqlalchemy as sa",
        "",
        "",
        "# revision identifiers, used by Alembic.",
        "revision = %r" % rev.rid,
        "down_revision = %s" % literal(parents, False),
        "branch_labels = %s" % literal(rev.labels, True),
        "depends_on = %s" % literal(rev.deps, False),
        "",
        "",
        "def upgrade():",
        "    pass",
        "",
        "",
        "def downgrade():",
        "    pass",
        "",
    ])


def write(out, shape, revs):
    versions = os.path.join(out, "migrations", "versions")
    os.makedirs(versions, exist_ok=True)
    with open(os.path.join(out, "alembic.ini"), "w", encoding="utf-8") as f:
        f.write(INI)
    with open(os.path.join(out, "migrations", "env.py"), "w", encoding="utf-8") as f:
        f.write(ENV_PY.replace("@TPM@", ""))
    with open(os.path.join(out, "migrations", "script.py.mako"), "w", encoding="utf-8") as f:
        f.write(SCRIPT_MAKO)
    for rev in revs:
        with open(os.path.join(versions, "%s_r%d.py" % (rev.rid, rev.idx)), "w", encoding="utf-8") as f:
            f.write(render(shape, rev))


def main(argv=None):
    p = argparse.ArgumentParser(description="Write a graph-shape Alembic project (pass bodies).")
    p.add_argument("out_dir", nargs="?", metavar="OUT_DIR")
    p.add_argument("--shape", choices=sorted(SHAPES))
    p.add_argument("--revisions", type=int, metavar="N")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--list", action="store_true", help="print the shape names and what each is")
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args(argv)
    if a.list:
        for name in sorted(SHAPES):
            print("%-14s %s" % (name, " ".join(SHAPES[name].__doc__.split())))
        return 0
    if not a.out_dir or not a.shape or not a.revisions or a.revisions < 2:
        p.error("OUT_DIR, --shape and --revisions N (N >= 2) are required")
    if os.path.exists(os.path.join(a.out_dir, "alembic.ini")):
        sys.exit("%s already holds an alembic.ini; pick an empty directory" % a.out_dir)
    revs = SHAPES[a.shape](a.revisions, a.seed)
    write(a.out_dir, a.shape, revs)
    if not a.quiet:
        children = {}
        for r in revs:
            for q in r.parents:
                children[q.idx] = children.get(q.idx, 0) + 1
        print("%s: %s, %d revisions, %d heads, %d merges, %d branch points, %d labels, %d depends_on" % (
            a.out_dir, a.shape, len(revs), sum(1 for r in revs if r.idx not in children),
            sum(1 for r in revs if len(r.parents) > 1), sum(1 for v in children.values() if v > 1),
            sum(len(r.labels) for r in revs), sum(len(r.deps) for r in revs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
