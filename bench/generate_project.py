#!/usr/bin/env python3
"""Generate a synthetic Alembic project for benchmarks and differential tests.

    generate_project.py OUT_DIR --revisions N [--branch-every K] [--merge-every K]
        [--labels K] [--depends-on K] [--heads H] [--effective-heads E] [--seed S]
        [--id-style hex|seq|mixed] [--annotated-ratio F] [--version-locations M]
        [--ops realistic|minimal] [--transaction-per-migration]

Writes OUT_DIR/alembic.ini and OUT_DIR/migrations/{env.py,script.py.mako,versions/...}.
Everything is derived from --seed, so the same arguments always give the same
files.  Only the standard library is used; alembic is not imported.

The revision graph is grown lane by lane: a lane is an open line of
development whose tip is a head.  A fork gives a tip a second child (a branch
point), a merge joins several tips (down_revision is a tuple), depends_on
points at a recent revision of another lane that is not an ancestor (so no
cycle is possible: every edge points at an older revision); a tip used as a
depends_on target gets its own child right away (see add_dependency).  Branch
labels go, after the graph is built, on fork roots that reach exactly one head,
so that `label@head` resolves.

With --ops realistic every revision carries PostgreSQL DDL whose downgrade is
the exact inverse of its upgrade, and which only touches objects created by
its ancestors (down_revision and depends_on), so `alembic upgrade heads` then
`alembic downgrade base` works online in whatever order alembic picks between
branches.  Rules that keep sibling branches from colliding:
  * every table, index, constraint, view and type name is unique project-wide,
    and a column name is never added twice to one table;
  * a column is altered by at most one revision and an index dropped by at most
    one revision (claimed globally), so the inverse state is always known;
  * upgrades never drop tables or columns, and columns read by a view, used in
    a key or filled with rows are never altered.
"""

import argparse
import datetime
import os
import random
import re
import sys
import time
from collections import deque

# ----------------------------------------------------------------------------
# vocabulary

TABLE_NOUNS = (
    "customers", "orders", "invoices", "payments", "shipments", "products", "warehouses",
    "accounts", "members", "teams", "projects", "tasks", "comments", "tags", "events",
    "sessions", "devices", "reports", "subscriptions", "plans", "coupons", "refunds",
    "tickets", "messages", "notifications", "webhooks", "api_keys", "jobs", "artifacts",
    "datasets", "metrics", "alerts", "incidents", "regions", "tenants", "documents",
    "attachments", "reviews", "carts", "suppliers", "contracts", "vehicles", "routes",
    "bookings", "rooms", "courses", "enrollments", "grades", "patients", "visits",
)
TABLE_PREFIXES = (
    "", "", "", "billing_", "crm_", "ops_", "analytics_", "auth_", "support_", "catalog_",
    "hr_", "sync_", "legacy_", "geo_",
)
LOOKUP_NOUNS = ("statuses", "currencies", "countries", "priorities", "categories", "channels")

# (name, kind); kinds are described in KINDS below
COLUMN_VOCAB = (
    ("status", "str"), ("name", "str"), ("title", "str"), ("email", "str"), ("slug", "str"),
    ("currency", "str"), ("external_ref", "str"), ("locale", "str"), ("source", "str"),
    ("description", "text"), ("notes", "text"), ("body", "text"), ("error_message", "text"),
    ("amount_cents", "bigint"), ("quantity", "int"), ("attempts", "int"), ("priority", "smallint"),
    ("position", "int"), ("version_no", "int"), ("total", "numeric"), ("unit_price", "numeric"),
    ("weight_kg", "float"), ("score", "float"), ("is_active", "bool"), ("is_archived", "bool"),
    ("verified", "bool"), ("created_at", "ts"), ("updated_at", "ts"), ("deleted_at", "ts"),
    ("expires_at", "ts"), ("processed_at", "ts"), ("imported_at", "ts_naive"),
    ("due_date", "date"), ("valid_from", "date"), ("payload", "jsonb"), ("metadata", "jsonb"),
    ("settings", "jsonb"), ("raw", "json"), ("public_id", "uuid"), ("correlation_id", "uuid"),
    ("labels", "text_array"), ("related_ids", "int_array"), ("checksum", "bytea"),
    ("retention", "interval"), ("client_ip", "inet"), ("timezone_name", "str"),
    ("country_code", "str"), ("phone", "str"), ("rank", "int"), ("ratio", "numeric"),
)

# kind -> (type expression, server default SQL (rendered as sa.text) or None, index method or None)
KINDS = {
    "int": ("sa.Integer()", "0", "btree"),
    "bigint": ("sa.BigInteger()", "0", "btree"),
    "smallint": ("sa.SmallInteger()", "1", "btree"),
    "str": (None, None, "btree"),  # String(length=n), default chosen per column
    "text": ("sa.Text()", None, "btree"),
    "bool": ("sa.Boolean()", "false", "btree"),
    "ts": ("sa.DateTime(timezone=True)", "now()", "btree"),
    "ts_naive": ("sa.DateTime()", "CURRENT_TIMESTAMP", "btree"),
    "date": ("sa.Date()", "CURRENT_DATE", "btree"),
    "numeric": ("sa.Numeric(precision=12, scale=2)", "0", "btree"),
    "float": ("sa.Float()", None, "btree"),
    "jsonb": ("postgresql.JSONB(astext_type=sa.Text())", "'{}'::jsonb", "gin"),
    "json": ("sa.JSON()", None, None),
    "uuid": ("postgresql.UUID(as_uuid=True)", "gen_random_uuid()", "btree"),
    "text_array": ("postgresql.ARRAY(sa.Text())", "'{}'::text[]", "gin"),
    "int_array": ("postgresql.ARRAY(sa.Integer())", None, "gin"),
    "bytea": ("sa.LargeBinary()", None, None),
    "interval": ("sa.Interval()", None, "btree"),
    "inet": ("postgresql.INET()", None, "btree"),
}
STRING_DEFAULTS = {
    "status": ("pending", "draft", "new"), "locale": ("en", "en_US"), "currency": ("EUR", "USD"),
    "source": ("unknown", "api", "it's imported"), "timezone_name": ("UTC",), "country_code": ("ZZ",),
    "title": ("Untitled", "n/a"), "name": ("unnamed",),
}
STRING_LENGTHS = (32, 50, 64, 100, 120, 255)

# primary key styles -> (pk column expression, type for referencing columns)
PK_STYLES = {
    "serial": ('sa.Column("id", sa.Integer(), autoincrement=True, nullable=False)', "sa.Integer()"),
    "bigserial": ('sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False)', "sa.BigInteger()"),
    "identity": (
        'sa.Column("id", sa.BigInteger(), sa.Identity(always=False, start=1, increment=1), nullable=False)',
        "sa.BigInteger()",
    ),
    "uuid": (
        'sa.Column("id", postgresql.UUID(as_uuid=True), server_default=sa.text("gen_random_uuid()"), nullable=False)',
        "postgresql.UUID(as_uuid=True)",
    ),
}
PK_WEIGHTS = (("serial", 5), ("bigserial", 2), ("identity", 2), ("uuid", 3))

LABEL_WORDS = (
    "reporting", "billing", "search", "auth", "payments", "shipping", "analytics", "mobile",
    "partners", "inventory", "loyalty", "compliance", "exports", "imports", "messaging",
    "scheduling", "pricing", "catalog", "onboarding", "support",
)
WORD_IDS = ("kilo", "lima", "oscar", "quebec", "romeo", "sierra", "tango", "victor", "whisky", "yankee", "zulu")

UNICODE_MESSAGES = (
    "Ajoute la colonne « résumé » aux {t}",
    "Добавить индекс для {t}",
    "{t}: 支払い状態を追加",
    "Fix ✓/✗ flags on {t}",
    "Größere Felder für {t}",
    "Normalise naïve timestamps in {t} → UTC",
)
EXTRA_PARAGRAPHS = (
    "The old behaviour silently truncated values; see the incident review\n"
    "for the timeline.",
    "Split from the previous revision so it can be deployed independently\n"
    "of the API change.",
    "Backfill runs in the same transaction; the table is small in every\n"
    "environment we know of.",
    "Reviewed with the DBA team: no long locks, no table rewrite.",
)

PG_IDENT_MAX = 63


# ----------------------------------------------------------------------------
# small helpers

def q_double(s):
    """A double-quoted Python literal (black style)."""
    if '"' in s and "'" not in s:
        return repr(s)
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + out + '"'


def q_single(s):
    """A single-quoted literal where possible, as old alembic templates wrote (repr)."""
    return repr(s)


def singular(table):
    """invoices_2 -> invoice, currencies -> currency, statuses -> status."""
    word = re.sub(r"_\d+$", "", table).split("_")[-1]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("ses"):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def slugify(message, length=40):
    slug = re.sub(r"[^a-z0-9]+", "_", message.lower()).strip("_")
    return slug[:length].rstrip("_")


class Names:
    """Project-wide registry of PostgreSQL object names (one namespace for all)."""

    def __init__(self):
        self.used = set()

    def take(self, base):
        base = base[:PG_IDENT_MAX]
        name, n = base, 2
        while name in self.used:
            suffix = "_%d" % n
            name = base[: PG_IDENT_MAX - len(suffix)] + suffix
            n += 1
        self.used.add(name)
        return name


class Column:
    __slots__ = ("name", "kind", "type_expr", "nullable", "default", "index_method", "frozen")

    def __init__(self, name, kind, type_expr, nullable, default, index_method, frozen=False):
        self.name = name
        self.kind = kind
        self.type_expr = type_expr
        self.nullable = nullable
        self.default = default
        self.index_method = index_method
        self.frozen = frozen  # keys and lookup data: never altered


class Table:
    __slots__ = ("name", "pk_name", "pk_ref_type", "has_rows", "used_columns")

    def __init__(self, name, pk_ref_type, has_rows, pk_name="id"):
        self.name = name
        self.pk_name = pk_name
        self.pk_ref_type = pk_ref_type
        self.has_rows = has_rows
        self.used_columns = set()  # every column name ever given to this table, on any branch


class Index:
    __slots__ = ("name", "table", "up_lines")

    def __init__(self, name, table, up_lines):
        self.name = name
        self.table = table
        self.up_lines = up_lines  # renderer for the create_index call (to recreate it)


class LaneState:
    """What exists in the database once a lane's tip (and its ancestors) is applied.

    Only a window of the most recent tables and indexes is remembered: forgetting
    an object is always safe (it is simply never touched again) and keeps forks
    and merges cheap for 10,000-revision projects."""

    TABLE_WINDOW = 120
    INDEX_WINDOW = 80

    __slots__ = ("tables", "table_list", "indexes")

    def __init__(self):
        self.tables = {}  # table name -> tuple of Column
        self.table_list = []  # creation order, for "recent" picks
        self.indexes = []  # Index records created by ancestors

    def copy(self):
        s = LaneState()
        s.tables = dict(self.tables)
        s.table_list = list(self.table_list)
        s.indexes = list(self.indexes)
        return s

    def absorb(self, other):
        """Union with another lane (at a merge or through depends_on)."""
        for name in other.table_list:
            cols = other.tables[name]
            mine = self.tables.get(name)
            if mine is None:
                self.tables[name] = cols
                self.table_list.append(name)
            elif mine is not cols:
                have = {c.name for c in mine}
                extra = tuple(c for c in cols if c.name not in have)
                if extra:
                    self.tables[name] = mine + extra
        have = {ix.name for ix in self.indexes}
        self.indexes.extend(ix for ix in other.indexes if ix.name not in have)
        self.trim()

    def trim(self):
        if len(self.table_list) > self.TABLE_WINDOW:
            cut = len(self.table_list) - self.TABLE_WINDOW
            for name in self.table_list[:cut]:
                del self.tables[name]
            del self.table_list[:cut]
        if len(self.indexes) > self.INDEX_WINDOW:
            del self.indexes[: len(self.indexes) - self.INDEX_WINDOW]


class Rev:
    __slots__ = (
        "idx", "rid", "parents", "deps", "dep_names", "labels", "lane", "message", "ops",
        "annotated", "created", "location", "stale_revises", "helpers", "has_child", "created_tables",
    )

    def __init__(self, idx, rid, parents, lane):
        self.idx = idx
        self.rid = rid
        self.parents = parents  # list of Rev
        self.deps = []  # list of Rev
        self.dep_names = []  # what is written in depends_on (id or label)
        self.labels = ()
        self.lane = lane
        self.message = ""
        self.ops = []
        self.annotated = False
        self.created = None
        self.location = 0
        self.stale_revises = None
        self.helpers = set()
        self.has_child = False  # through down_revision
        self.created_tables = []  # (name, columns) as this revision creates them


class Lane:
    __slots__ = ("lid", "tip", "state", "pending")

    def __init__(self, lid, tip, state):
        self.lid = lid
        self.tip = tip
        self.state = state
        self.pending = False  # the tip has been forked and still needs its own child


# ----------------------------------------------------------------------------
# operations: each knows how to render its upgrade and its exact inverse

class Op:
    """An operation with an upgrade rendering and its inverse.

    up/down are callables taking a quoting function and returning code lines
    (without the function-body indentation)."""

    __slots__ = ("up", "down", "describe", "needs_pg")

    def __init__(self, up, down, describe, needs_pg=False):
        self.up = up
        self.down = down
        self.describe = describe
        self.needs_pg = needs_pg


def render_column(col, q, extra=""):
    parts = [q(col.name), col.type_expr]
    if col.default is not None:
        parts.append("server_default=" + col.default(q))
    parts.append("nullable=%s" % col.nullable)
    return "sa.Column(%s%s)" % (", ".join(parts), extra)


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.names = Names()
        self.revs = []
        self.lanes = []
        self.next_lane_id = 0
        self.claimed_columns = set()  # (table, column) altered, frozen or read by a view
        self.claimed_indexes = set()
        self.tables = {}  # name -> Table (project-wide facts)
        self.fork_roots = []  # first revision of each forked lane
        self.label_roots = []
        self.used_ids = set()
        self.used_labels = set()
        self.realistic = args.ops == "realistic"
        self.seq_width = max(3, len(str(args.revisions)))

    # --- identifiers -------------------------------------------------------

    def new_id(self, idx):
        style = self.args.id_style
        rng = self.rng
        if style == "seq":
            rid = str(idx + 1).zfill(self.seq_width)
        elif style == "hex":
            rid = "%012x" % rng.getrandbits(48)
        else:
            # a project that started with numbered files, then let alembic pick ids,
            # with the odd hand-written or prefixed id
            if idx < max(1, self.args.revisions // 4):
                rid = str(idx + 1).zfill(4)
            else:
                r = rng.random()
                if r < 0.03:
                    rid = "%s_%d" % (rng.choice(WORD_IDS), idx)
                elif r < 0.06:
                    rid = "I%011x" % rng.getrandbits(44)
                else:
                    rid = "%012x" % rng.getrandbits(48)
        while rid in self.used_ids:
            rid = "%012x" % rng.getrandbits(48)
        self.used_ids.add(rid)
        return rid

    def new_label(self):
        base = self.rng.choice(LABEL_WORDS)
        label, n = base, 2
        while label in self.used_labels or label in self.used_ids:
            label = "%s_%d" % (base, n)
            n += 1
        self.used_labels.add(label)
        return label

    # --- graph -------------------------------------------------------------

    def new_lane(self, tip, state):
        lane = Lane(self.next_lane_id, tip, state)
        self.next_lane_id += 1
        self.lanes.append(lane)
        return lane

    def add_rev(self, parents, lane):
        idx = len(self.revs)
        rev = Rev(idx, self.new_id(idx), parents, lane.lid)
        for p in parents:
            p.has_child = True
        self.revs.append(rev)
        return rev

    def is_ancestor(self, candidate, rev_parents):
        """Is `candidate` reachable from `rev_parents` through down_revision/depends_on?

        Edges always point to older revisions, so the walk can stop below
        candidate.idx; candidates are recent, so this stays small."""
        seen = set()
        todo = deque(rev_parents)
        while todo:
            r = todo.pop()
            if r is candidate:
                return True
            if r.idx < candidate.idx or r.idx in seen:
                continue
            seen.add(r.idx)
            todo.extend(r.parents)
            todo.extend(r.deps)
        return False

    def plan(self):
        a = self.args
        n = a.revisions
        rng = self.rng
        lane = self.new_lane(None, LaneState())
        dep_budget = a.depends_on
        deps_every = max(2, n // (a.depends_on + 1)) if a.depends_on else 0
        fork_count = 0
        target_heads = a.heads
        # the last 2*E revisions are reserved for effective heads (see effective_head_pair)
        effective = min(a.effective_heads, (n - 1) // 2)
        body = n - 2 * effective

        dep_due = False

        for i in range(body):
            remaining = body - i  # including this one
            open_lanes = self.lanes
            excess = len(open_lanes) - target_heads if target_heads > 0 else 0
            deficit = -excess if excess < 0 else 0
            # near the end, stop scheduled merges that would leave fewer heads than asked
            endgame = target_heads > 1 and remaining <= 2 * target_heads + 4
            action = "linear"
            pending = [ln for ln in open_lanes if ln.pending]
            if deps_every and i % deps_every == 0:
                dep_due = True
            # depending on a tip costs one more revision (the tip's own child), so
            # keep well clear of the end, where merges and forks are forced
            tips_ok = remaining >= 2 * deficit + max(excess, 0) + 5

            if i == 0:
                action = "root"
            elif pending:
                action = "linear"
            elif excess > 0 and remaining <= excess + 1:
                action = "merge"
            elif deficit > 0 and 2 <= remaining <= 2 * deficit + 1:
                # each missing head costs two revisions: the fork and the pending child
                action = "fork"
            elif (a.merge_every and i % a.merge_every == 0 and len(open_lanes) >= 2
                  and not (endgame and len(open_lanes) <= target_heads)):
                action = "merge"
            elif (
                a.branch_every
                and i % a.branch_every == 0
                and remaining >= 3 + max(0, excess + 1)
            ):
                action = "fork" if len(open_lanes) < a.max_lanes else ("merge" if len(open_lanes) >= 2 else "linear")

            if action == "root":
                rev = self.add_rev([], lane)
                lane.tip = rev
                self.fill(rev, lane.state)
            elif action == "linear":
                if pending:
                    ln = pending[0]
                    ln.pending = False
                else:
                    # the first lane is the main line and gets most of the work
                    ln = open_lanes[0] if rng.random() < 0.5 else rng.choice(open_lanes)
                rev = self.add_rev([ln.tip], ln)
                ln.tip = rev
                if dep_due and dep_budget > 0 and self.maybe_depend(rev, ln, tips_ok):
                    dep_budget -= 1
                    dep_due = False
                self.fill(rev, ln.state)
            elif action == "fork":
                ln = rng.choice(open_lanes)
                branch_state = ln.state.copy()
                new = self.new_lane(ln.tip, branch_state)
                rev = self.add_rev([ln.tip], new)
                new.tip = rev
                ln.pending = True
                fork_count += 1
                self.fork_roots.append(rev)
                if dep_due and dep_budget > 0 and self.maybe_depend(rev, new, tips_ok):
                    dep_budget -= 1
                    dep_due = False
                self.fill(rev, branch_state)
            else:  # merge
                if excess > 0 and remaining <= excess + 1:
                    # must end with the requested number of heads: merge enough at once
                    k = max(2, excess - (remaining - 1) + 1)
                else:
                    k = 3 if (len(open_lanes) >= 3 and rng.random() < 0.1) else 2
                k = min(k, len(open_lanes))
                chosen = rng.sample(open_lanes, k)
                chosen.sort(key=lambda ln: ln.lid)
                keep = chosen[0]
                rev = self.add_rev([ln.tip for ln in chosen], keep)
                for other in chosen[1:]:
                    keep.state.absorb(other.state)
                    self.lanes.remove(other)
                keep.tip = rev
                self.fill(rev, keep.state, merge=True)

        for _ in range(effective):
            self.effective_head_pair()
        return self.revs

    def effective_head_pair(self):
        """Two revisions on the first lane's tip T: a leaf X and a child C of T
        with depends_on = X.  X then has no down_revision child: `alembic heads`
        lists it as "(effective head)", the `heads` symbol leaves it out, and
        `alembic upgrade head` refuses (several heads)."""
        main = self.lanes[0]
        tip = main.tip
        leaf_lane = self.new_lane(tip, main.state.copy())
        leaf = self.add_rev([tip], leaf_lane)
        leaf_lane.tip = leaf
        self.fill(leaf, leaf_lane.state)
        self.lanes.remove(leaf_lane)  # not a real head
        rev = self.add_rev([tip], main)
        main.tip = rev
        rev.deps.append(leaf)
        rev.dep_names.append(leaf.rid)
        for name, cols in leaf.created_tables:
            if name not in main.state.tables:
                main.state.tables[name] = cols
                main.state.table_list.append(name)
        self.fill(rev, main.state)

    def maybe_depend(self, rev, lane, allow_tips):
        candidates = []
        for ln in self.lanes:
            if ln is lane:
                continue
            # the other lane's tip or a few revisions behind it
            r = ln.tip
            if allow_tips and not ln.pending:
                candidates.append(r)
            for _ in range(6):
                if not r.parents:
                    break
                r = r.parents[0]
                candidates.append(r)
        candidates.extend(self.fork_roots[-3:])
        self.rng.shuffle(candidates)
        for cand in candidates:
            if self.add_dependency(rev, lane, cand, allow_tips):
                return True
        return False

    def add_dependency(self, rev, lane, cand, allow_tips):
        # A tip (a revision without a down_revision child) that is a depends_on
        # target must get a child of its own right away (its lane is marked
        # pending, and pending lanes are served before anything else):
        #  * left alone it would be an "(effective head)", and `alembic upgrade
        #    head` then fails with "Multiple head revisions" although the `heads`
        #    symbol has a single head;
        #  * merged later together with the revision depending on it, it makes
        #    alembic 1.8.1 delete its version row twice (KeyError in
        #    HeadMaintainer._delete_version) in the middle of an upgrade.
        if cand is rev or cand.idx >= rev.idx or cand in rev.deps:
            return False
        tip_lane = None
        if not cand.has_child:
            if not allow_tips:
                return False
            tip_lane = next((ln for ln in self.lanes if ln.tip is cand and not ln.pending), None)
            if tip_lane is None:
                return False
        if self.is_ancestor(cand, rev.parents):
            return False
        rev.deps.append(cand)
        rev.dep_names.append(cand.rid)  # may become a label in assign_labels()
        if tip_lane is not None:
            tip_lane.pending = True
            lane.state.absorb(tip_lane.state)
        else:
            # the tables the dependency created exist when this revision runs
            for name, cols in cand.created_tables:
                if name not in lane.state.tables:
                    lane.state.tables[name] = cols
                    lane.state.table_list.append(name)
        return True

    # --- revision contents -------------------------------------------------

    def fill(self, rev, state, merge=False):
        rng = self.rng
        a = self.args
        rev.annotated = rng.random() < a.annotated_ratio
        if not self.realistic:
            rev.message = self.minimal_message(rev, merge)
            return
        if merge and rng.random() < 0.8:
            rev.message = self.merge_message(rev)
            return
        count = rng.choice((1, 1, 1, 2, 2, 3))
        for _ in range(count):
            op = self.random_op(rev, state)
            if op is not None:
                rev.ops.append(op)
        rev.message = self.merge_message(rev) if merge and not rev.ops else self.message_for(rev)

    def minimal_message(self, rev, merge):
        if merge:
            return self.merge_message(rev)
        return "revision %d" % (rev.idx + 1)

    def merge_message(self, rev):
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            return "merge heads"
        if r < 0.5:
            return "empty message"
        if r < 0.8:
            return "Merge %s" % " and ".join(p.rid for p in rev.parents)
        return "merge branches"

    def message_for(self, rev):
        rng = self.rng
        base = rev.ops[0].describe if rev.ops else "no-op"
        if len(rev.ops) > 1 and rng.random() < 0.4:
            base = "%s; %s" % (base, rev.ops[1].describe[0].lower() + rev.ops[1].describe[1:])
        r = rng.random()
        table = re.findall(r"[a-z_]+s\b", base)
        if r < 0.05:
            base = rng.choice(UNICODE_MESSAGES).format(t=table[0] if table else "orders")
        elif r < 0.08:
            base = 'Don\'t allow "%s" to be empty' % (table[0] if table else "name")
        elif r < 0.10:
            base = base + " (paths like C:\\data\\in are kept as is)"
        elif r < 0.25:
            base = base[0].lower() + base[1:]  # autogenerate style
        r = rng.random()
        if r < 0.08:
            # alembic revision -m "summary\n\nmore text": the message is the first paragraph
            base = base + "\n\n" + rng.choice(EXTRA_PARAGRAPHS)
        elif r < 0.1:
            base = base + "\nsecond line of the same paragraph"
        return base

    # --- individual op builders --------------------------------------------

    def random_op(self, rev, state):
        rng = self.rng
        have_tables = bool(state.table_list)
        choices = [("create_table", 5 if len(state.table_list) < 4 else 3)]
        if have_tables:
            choices += [
                ("add_column", 4), ("create_index", 3), ("foreign_key", 2), ("alter_column", 2),
                ("unique", 1), ("view", 1), ("drop_index", 1), ("check", 1), ("enum_column", 1),
                ("execute_comment", 1), ("loop_indexes", 1),
            ]
            if self.args.transaction_per_migration:
                choices.append(("concurrent_index", 1))
        total = sum(w for _, w in choices)
        x = rng.uniform(0, total)
        for name, w in choices:
            x -= w
            if x <= 0:
                break
        builder = getattr(self, "op_" + name)
        op = builder(rev, state)
        if op is None and name != "create_table":
            op = self.op_add_column(rev, state) if have_tables else None
        return op

    def pick_table(self, state, rows_ok=True):
        rng = self.rng
        lst = state.table_list
        for _ in range(6):
            if rng.random() < 0.7:
                name = lst[rng.randrange(max(0, len(lst) - 12), len(lst))]
            else:
                name = rng.choice(lst)
            if rows_ok or not self.tables[name].has_rows:
                return name
        return None

    def new_column(self, table, kind=None, nullable=None):
        """A fresh column for `table` (name unique for that table on every branch)."""
        rng = self.rng
        if kind is None:
            name, kind = rng.choice(COLUMN_VOCAB)
        else:
            name = next((n for n, k in COLUMN_VOCAB if k == kind), kind)
        used = table.used_columns
        base, n = name, 2
        while name in used:
            name = "%s_%d" % (base, n)
            n += 1
        used.add(name)
        type_expr, default_expr, method = KINDS[kind]
        default = None
        if kind == "str":
            length = rng.choice(STRING_LENGTHS)
            type_expr = "sa.String(length=%d)" % length
            values = STRING_DEFAULTS.get(base)
            if values and rng.random() < 0.5:
                value = rng.choice(values)
                default = lambda q, v=value: q(v)
        elif default_expr is not None and rng.random() < 0.5:
            default = lambda q, e=default_expr: "sa.text(%s)" % q(e)
        if nullable is None:
            nullable = default is None or rng.random() < 0.4
        return Column(name, kind, type_expr, nullable, default, method)

    def table_name(self):
        rng = self.rng
        return self.names.take(rng.choice(TABLE_PREFIXES) + rng.choice(TABLE_NOUNS))

    def op_create_table(self, rev, state):
        rng = self.rng
        if state.table_list and rng.random() < 0.12:
            return self.op_lookup_table(rev, state)
        name = self.table_name()
        pk_style = rng.choices([s for s, _ in PK_WEIGHTS], [w for _, w in PK_WEIGHTS])[0]
        pk_expr, pk_ref = PK_STYLES[pk_style]
        table = Table(name, pk_ref, False)
        table.used_columns.add("id")
        self.tables[name] = table
        cols = [self.new_column(table) for _ in range(rng.randint(2, 7))]
        use_ts_helper = rng.random() < 0.1
        if use_ts_helper:
            for cname in ("created_at", "updated_at"):
                if cname in table.used_columns:
                    use_ts_helper = False
            if use_ts_helper:
                table.used_columns.update(("created_at", "updated_at"))
                rev.helpers.add("timestamps")
        elif rng.random() < 0.5 and "created_at" not in table.used_columns:
            table.used_columns.add("created_at")
            cols.append(Column("created_at", "ts", KINDS["ts"][0], False, lambda q: "sa.text(%s)" % q("now()"), "btree"))
        fk = None
        if state.table_list and rng.random() < 0.4:
            target = rng.choice(state.table_list[-10:])
            ref = self.tables[target]
            base = singular(target) + "_id"
            cname = base if base not in table.used_columns else base + "_2"
            table.used_columns.add(cname)
            fk_col = Column(cname, "fk", ref.pk_ref_type, rng.random() < 0.5, None, "btree", frozen=True)
            self.claimed_columns.add((name, cname))
            cols.append(fk_col)
            fk = (cname, target, rng.choice(("CASCADE", "SET NULL", "RESTRICT", None)))
            if fk[2] == "SET NULL":
                fk_col.nullable = True
        unique_col = None
        plain = [c for c in cols if c.kind in ("str", "int", "bigint", "uuid") and c.kind != "fk"]
        if plain and rng.random() < 0.3:
            unique_col = rng.choice(plain)
            self.claimed_columns.add((name, unique_col.name))
        comment = None
        if rng.random() < 0.15:
            comment = rng.choice(("Owned by the %s team", "Rows older than 90 days are archived",
                                  "Written by the importer; do not edit by hand",
                                  "One row per %s, see the data dictionary"))
            if "%s" in comment:
                comment = comment % rng.choice(("billing", "platform", "data", "customer"))
        if comment:
            self.claimed_columns.add((name, "#comment"))
        state.tables[name] = (Column("id", "pk", pk_ref, False, None, "btree", frozen=True),) + tuple(cols)
        state.table_list.append(name)
        rev.created_tables.append((name, state.tables[name]))
        state.trim()
        self.claimed_columns.add((name, "id"))
        use_f = rng.random() < 0.4
        index_ops = []
        indexable = [c for c in cols if c.index_method == "btree"]
        if indexable and rng.random() < 0.6:
            c = rng.choice(indexable)
            index_ops.append(self.make_index(rev, state, name, [c.name], use_f=use_f))
        needs_pg = pk_style == "uuid" or any(c.type_expr.startswith("postgresql.") for c in cols)
        if fk and self.tables[fk[1]].pk_ref_type.startswith("postgresql."):
            needs_pg = True

        def up(q, name=name, cols=tuple(cols), fk=fk, unique_col=unique_col, comment=comment,
               helper=use_ts_helper, pk_expr=pk_expr):
            lines = ["op.create_table(", "    %s," % q(name), "    %s," % pk_expr.replace('"id"', q("id"))]
            for c in cols:
                lines.append("    %s," % render_column(c, q))
            if helper:
                lines.append("    *_timestamp_columns(),")
            if fk:
                extra = ", ondelete=%s" % q(fk[2]) if fk[2] else ""
                lines.append("    sa.ForeignKeyConstraint([%s], [%s]%s)," % (
                    q(fk[0]), q(fk[1] + "." + self.tables[fk[1]].pk_name), extra))
            lines.append("    sa.PrimaryKeyConstraint(%s)," % q("id"))
            if unique_col:
                lines.append("    sa.UniqueConstraint(%s)," % q(unique_col.name))
            if comment:
                lines.append("    comment=%s," % q(comment))
            lines.append(")")
            return lines

        def down(q, name=name):
            return ["op.drop_table(%s)" % q(name)]

        ops = [Op(up, down, "Add %s table" % name, needs_pg)] + index_ops
        return self.combine(ops)

    def op_lookup_table(self, rev, state):
        """A small reference table filled with op.bulk_insert."""
        rng = self.rng
        name = self.names.take(rng.choice(LOOKUP_NOUNS))
        table = Table(name, "sa.String(length=32)", True, pk_name="code")
        table.used_columns.update(("code", "label", "sort_order"))
        self.tables[name] = table
        codes = ["c%02d" % k for k in range(rng.randint(2, 6))]
        labels = ["%s %d" % (singular(name).title(), k) for k in range(len(codes))]
        if len(labels) > 1 and rng.random() < 0.5:
            labels[1] = labels[1] + " (l'autre)"
        cols = (
            Column("code", "pk", "sa.String(length=32)", False, None, "btree", frozen=True),
            Column("label", "str", "sa.String(length=100)", False, None, "btree", frozen=True),
            Column("sort_order", "int", "sa.Integer()", False, lambda q: "sa.text(%s)" % q("0"), "btree", frozen=True),
        )
        for c in cols:
            self.claimed_columns.add((name, c.name))
        state.tables[name] = cols
        state.table_list.append(name)
        rev.created_tables.append((name, cols))

        def up(q, name=name, codes=codes, labels=labels):
            lines = [
                "%s = op.create_table(" % name,
                "    %s," % q(name),
                "    sa.Column(%s, sa.String(length=32), nullable=False)," % q("code"),
                "    sa.Column(%s, sa.String(length=100), nullable=False)," % q("label"),
                "    sa.Column(%s, sa.Integer(), server_default=sa.text(%s), nullable=False)," % (q("sort_order"), q("0")),
                "    sa.PrimaryKeyConstraint(%s)," % q("code"),
                ")",
                "op.bulk_insert(",
                "    %s," % name,
                "    [",
            ]
            for k, (c, l) in enumerate(zip(codes, labels)):
                lines.append("        {%s: %s, %s: %s, %s: %d}," % (q("code"), q(c), q("label"), q(l), q("sort_order"), k * 10))
            lines += ["    ],", ")"]
            return lines

        def down(q, name=name):
            return ["op.drop_table(%s)" % q(name)]

        return Op(up, down, "Add %s reference data" % name)

    def op_add_column(self, rev, state):
        rng = self.rng
        name = self.pick_table(state)
        if name is None:
            return None
        table = self.tables[name]
        col = self.new_column(table)
        if table.has_rows and not col.nullable and col.default is None:
            col.nullable = True
        state.tables[name] = state.tables[name] + (col,)
        backfill = None
        if col.nullable and col.kind in ("int", "bigint", "bool", "str", "text") and rng.random() < 0.25:
            value = {"int": "0", "bigint": "0", "bool": "false", "str": "'migrated'", "text": "''"}[col.kind]
            backfill = "UPDATE %s SET %s = %s WHERE %s IS NULL" % (name, col.name, value, col.name)
        check = None
        if col.kind in ("int", "bigint", "numeric") and rng.random() < 0.3:
            check = self.names.take("ck_%s_%s_nonnegative" % (name, col.name))

        def up(q, name=name, col=col, backfill=backfill, check=check):
            lines = ["op.add_column(%s, %s)" % (q(name), render_column(col, q))]
            if backfill:
                lines.append("op.execute(%s)" % q(backfill))
            if check:
                lines.append("op.create_check_constraint(%s, %s, %s)" % (q(check), q(name), q("%s >= 0" % col.name)))
            return lines

        def down(q, name=name, col=col, check=check):
            lines = []
            if check:
                lines.append("op.drop_constraint(%s, %s, type_=%s)" % (q(check), q(name), q("check")))
            lines.append("op.drop_column(%s, %s)" % (q(name), q(col.name)))
            return lines

        return Op(up, down, "Add %s to %s" % (col.name, name), col.type_expr.startswith("postgresql."))

    def make_index(self, rev, state, table, columns, unique=False, where=None, using=None,
                   use_f=False, concurrently=False, desc=False):
        base = "%s_%s_%s" % ("uq" if unique else "ix", table, "_".join(columns))
        name = self.names.take(base)

        def render(q, plain=False, name=name, table=table, columns=tuple(columns), unique=unique,
                   where=where, using=using, use_f=use_f, concurrently=concurrently, desc=desc):
            cols = [q(c) for c in columns]
            if desc:
                cols[-1] = "sa.text(%s)" % q(columns[-1] + " DESC")
            nm = "op.f(%s)" % q(name) if use_f else q(name)
            args = [nm, q(table), "[%s]" % ", ".join(cols), "unique=%s" % unique]
            if where:
                args.append("postgresql_where=sa.text(%s)" % q(where))
            if using:
                args.append("postgresql_using=%s" % q(using))
            if concurrently and not plain:
                args.append("postgresql_concurrently=True")
            return "op.create_index(%s)" % ", ".join(args)

        def drop(q, name=name, table=table, use_f=use_f, concurrently=concurrently):
            nm = "op.f(%s)" % q(name) if use_f else q(name)
            extra = ", postgresql_concurrently=True" if concurrently else ""
            return "op.drop_index(%s, table_name=%s%s)" % (nm, q(table), extra)

        state.indexes.append(Index(name, table, render))
        desc_text = "Add index on %s (%s)" % (table, ", ".join(columns))
        return Op(lambda q: [render(q)], lambda q: [drop(q)], desc_text)

    def op_create_index(self, rev, state, concurrently=False):
        rng = self.rng
        name = self.pick_table(state, rows_ok=False)
        if name is None:
            return None
        cols = [c for c in state.tables[name] if c.index_method]
        if not cols:
            return None
        c = rng.choice(cols)
        if c.index_method == "gin":
            return self.make_index(rev, state, name, [c.name], using="gin", concurrently=concurrently)
        columns = [c.name]
        others = [o for o in cols if o is not c and o.index_method == "btree"]
        if others and rng.random() < 0.4:
            columns.append(rng.choice(others).name)
        where = None
        nullable_cols = [o for o in state.tables[name] if o.nullable and o.kind not in ("json", "bytea")]
        if nullable_cols and rng.random() < 0.25:
            where = "%s IS NOT NULL" % rng.choice(nullable_cols).name
        unique = rng.random() < 0.15
        desc = rng.random() < 0.1 and c.kind in ("ts", "date", "int", "bigint")
        return self.make_index(rev, state, name, columns, unique=unique, where=where,
                               concurrently=concurrently, desc=desc)

    def op_concurrent_index(self, rev, state):
        op = self.op_create_index(rev, state, concurrently=True)
        if op is None:
            return None
        up, down = op.up, op.down
        op.up = lambda q: ["with op.get_context().autocommit_block():"] + ["    " + l for l in up(q)]
        op.down = lambda q: ["with op.get_context().autocommit_block():"] + ["    " + l for l in down(q)]
        op.describe = op.describe.replace("Add index", "Add index concurrently")
        return op

    def op_loop_indexes(self, rev, state):
        """Several indexes created in a loop over a module-level list (needs the bridge)."""
        rng = self.rng
        name = self.pick_table(state, rows_ok=False)
        if name is None:
            return None
        cols = [c for c in state.tables[name] if c.index_method == "btree" and c.name != "id"]
        if len(cols) < 2:
            return None
        picked = rng.sample(cols, 2)
        specs = [(self.names.take("ix_%s_%s" % (name, c.name)), c.name) for c in picked]

        def up(q, name=name, specs=specs):
            lines = ["for index_name, column in (%s):" % ", ".join("(%s, %s)" % (q(i), q(c)) for i, c in specs)]
            lines.append("    op.create_index(index_name, %s, [column], unique=False)" % q(name))
            return lines

        def down(q, name=name, specs=specs):
            return ["for index_name in (%s):" % ", ".join(q(i) for i, _ in reversed(specs)),
                    "    op.drop_index(index_name, table_name=%s)" % q(name)]

        return Op(up, down, "Index %s by %s" % (name, " and ".join(c for _, c in specs)))

    def op_drop_index(self, rev, state):
        rng = self.rng
        avail = [ix for ix in state.indexes[-30:] if ix.name not in self.claimed_indexes]
        if not avail:
            return None
        ix = rng.choice(avail)
        self.claimed_indexes.add(ix.name)

        def up(q, ix=ix):
            return ["op.drop_index(%s, table_name=%s)" % (q(ix.name), q(ix.table))]

        def down(q, ix=ix):
            return [ix.up_lines(q, plain=True)]

        return Op(up, down, "Drop unused index %s" % ix.name)

    def op_foreign_key(self, rev, state):
        rng = self.rng
        src = self.pick_table(state)
        dst = self.pick_table(state)
        if src is None or dst is None:
            return None
        src_t, dst_t = self.tables[src], self.tables[dst]
        base = singular(dst) + "_id"
        if src == dst:
            base = "parent_id"
        cname, n = base, 2
        while cname in src_t.used_columns:
            cname = "%s_%d" % (base, n)
            n += 1
        src_t.used_columns.add(cname)
        col = Column(cname, "fk", dst_t.pk_ref_type, True, None, "btree", frozen=True)
        self.claimed_columns.add((src, cname))
        state.tables[src] = state.tables[src] + (col,)
        fk_name = self.names.take("fk_%s_%s_%s" % (src, cname, dst))
        ondelete = rng.choice(("CASCADE", "SET NULL", None, None))
        deferrable = rng.random() < 0.1
        with_index = rng.random() < 0.5
        ix_op = self.make_index(rev, state, src, [cname]) if with_index else None

        def up(q, src=src, dst=dst, col=col, fk_name=fk_name, ondelete=ondelete, deferrable=deferrable):
            lines = ["op.add_column(%s, %s)" % (q(src), render_column(col, q))]
            args = [q(fk_name), q(src), q(dst), "[%s]" % q(col.name), "[%s]" % q(dst_t.pk_name)]
            if ondelete:
                args.append("ondelete=%s" % q(ondelete))
            if deferrable:
                args += ["deferrable=True", "initially=%s" % q("DEFERRED")]
            lines.append("op.create_foreign_key(")
            lines += ["    %s," % a for a in args]
            lines.append(")")
            return lines

        def down(q, src=src, col=col, fk_name=fk_name):
            return [
                "op.drop_constraint(%s, %s, type_=%s)" % (q(fk_name), q(src), q("foreignkey")),
                "op.drop_column(%s, %s)" % (q(src), q(col.name)),
            ]

        ops = [Op(up, down, "Link %s to %s" % (src, dst), dst_t.pk_ref_type.startswith("postgresql."))]
        if ix_op:
            ops.append(ix_op)
        return self.combine(ops)

    def op_alter_column(self, rev, state):
        rng = self.rng
        name = self.pick_table(state, rows_ok=False)
        if name is None:
            return None
        cands = [c for c in state.tables[name]
                 if not c.frozen and (name, c.name) not in self.claimed_columns]
        if not cands:
            return None
        col = rng.choice(cands)
        # claimed for good: no other revision, on any branch, touches this column again,
        # so the downgrade can restore exactly the state the column was created with
        self.claimed_columns.add((name, col.name))
        choices = ["comment"]
        if col.nullable:
            choices.append("not_null")
        if col.kind == "str":
            choices.append("widen")
        if col.default is None and KINDS[col.kind][1] is not None:
            choices.append("default")
        kind = rng.choice(choices)
        t = col.type_expr

        def call(q, changes, keep_nullable=True, multiline=False):
            args = [q(name), q(col.name)] + changes
            if keep_nullable:
                args.append("existing_nullable=%s" % col.nullable)
            if col.default is not None and not any(a.startswith("server_default=") for a in changes):
                args.append("existing_server_default=%s" % col.default(q))
            if multiline:
                return ["op.alter_column("] + ["    %s," % a for a in args] + [")"]
            return ["op.alter_column(%s)" % ", ".join(args)]

        if kind == "not_null":
            up = lambda q: call(q, ["existing_type=%s" % t, "nullable=False"], keep_nullable=False)
            down = lambda q: call(q, ["existing_type=%s" % t, "nullable=True"], keep_nullable=False)
            desc = "Make %s.%s not null" % (name, col.name)
        elif kind == "widen":
            length = int(re.search(r"\d+", t).group())
            wide = "sa.String(length=%d)" % (length * 2)
            up = lambda q: call(q, ["existing_type=%s" % t, "type_=%s" % wide], multiline=True)
            down = lambda q: call(q, ["existing_type=%s" % wide, "type_=%s" % t], multiline=True)
            desc = "Widen %s.%s to %d characters" % (name, col.name, length * 2)
        elif kind == "default":
            sql = KINDS[col.kind][1]
            up = lambda q: call(q, ["existing_type=%s" % t, "server_default=sa.text(%s)" % q(sql)])
            down = lambda q: call(q, ["existing_type=%s" % t, "server_default=None"])
            desc = "Default %s.%s on the server" % (name, col.name)
        else:
            text = rng.choice(("Kept for the 2019 export format", "Set by the nightly job",
                               "UTC, never local time", "Denormalised; source of truth is upstream"))
            up = lambda q: call(q, ["existing_type=%s" % t, "comment=%s" % q(text)], multiline=True)
            down = lambda q: call(q, ["existing_type=%s" % t, "comment=None", "existing_comment=%s" % q(text)],
                                  multiline=True)
            desc = "Document %s.%s" % (name, col.name)
        return Op(up, down, desc, t.startswith("postgresql."))

    def op_unique(self, rev, state):
        rng = self.rng
        name = self.pick_table(state, rows_ok=False)
        if name is None:
            return None
        cands = [c for c in state.tables[name] if c.kind in ("str", "int", "bigint", "uuid", "date")]
        if not cands:
            return None
        cols = rng.sample(cands, min(len(cands), rng.choice((1, 2))))
        cname = self.names.take("uq_%s_%s" % (name, "_".join(c.name for c in cols)))

        def up(q, name=name, cols=cols, cname=cname):
            return ["op.create_unique_constraint(%s, %s, [%s])" % (q(cname), q(name), ", ".join(q(c.name) for c in cols))]

        def down(q, name=name, cname=cname):
            return ["op.drop_constraint(%s, %s, type_=%s)" % (q(cname), q(name), q("unique"))]

        return Op(up, down, "Make %s unique on %s" % (name, ", ".join(c.name for c in cols)))

    def op_check(self, rev, state):
        name = self.pick_table(state, rows_ok=False)
        if name is None:
            return None
        cands = [c for c in state.tables[name] if c.kind in ("int", "bigint", "numeric", "smallint", "float")]
        if not cands:
            return None
        col = self.rng.choice(cands)
        cname = self.names.take("ck_%s_%s_range" % (name, col.name))
        cond = "%s IS NULL OR %s >= 0" % (col.name, col.name) if col.nullable else "%s >= 0" % col.name

        def up(q):
            return ["op.create_check_constraint(%s, %s, %s)" % (q(cname), q(name), q(cond))]

        def down(q):
            return ["op.drop_constraint(%s, %s, type_=%s)" % (q(cname), q(name), q("check"))]

        return Op(up, down, "Check %s.%s is not negative" % (name, col.name))

    def op_view(self, rev, state):
        rng = self.rng
        name = self.pick_table(state)
        if name is None:
            return None
        # a view pins its columns' types: only take columns no revision will alter
        cols = [c for c in state.tables[name]
                if c.kind != "fk" and (c.frozen or (name, c.name) not in self.claimed_columns)][:4]
        if not cols:
            return None
        for c in cols:
            self.claimed_columns.add((name, c.name))
        view = self.names.take("v_%s_%s" % (name, rng.choice(("summary", "active", "export", "report"))))
        body = "CREATE VIEW %s AS SELECT %s FROM %s" % (view, ", ".join(c.name for c in cols), name)
        triple = rng.random() < 0.5

        def up(q):
            if triple:
                return ["op.execute(", '    """', "    " + body.replace(" FROM", "\n    FROM"), '    """', ")"]
            return ["op.execute(%s)" % q(body)]

        def down(q):
            return ["op.execute(%s)" % q("DROP VIEW %s" % view)]

        return Op(up, down, "Add %s view" % view)

    def op_enum_column(self, rev, state):
        rng = self.rng
        name = self.pick_table(state)
        if name is None:
            return None
        table = self.tables[name]
        base = rng.choice(("state", "kind", "tier", "visibility"))
        cname, n = base, 2
        while cname in table.used_columns:
            cname = "%s_%d" % (base, n)
            n += 1
        table.used_columns.add(cname)
        type_name = self.names.take("%s_%s" % (re.sub(r"s(_\d+)?$", "", name), cname))
        values = rng.choice((("draft", "active", "retired"), ("low", "medium", "high", "urgent"),
                             ("public", "internal", "private"), ("free", "pro", "enterprise")))
        col = Column(cname, "enum", "sa.Enum(%s, name=%%s)" % ", ".join('"%s"' % v for v in values),
                     True, None, "btree", frozen=True)
        self.claimed_columns.add((name, cname))
        state.tables[name] = state.tables[name] + (col,)
        style = rng.choice(("bind", "execute"))

        def enum_expr(q):
            return "sa.Enum(%s, name=%s)" % (", ".join(q(v) for v in values), q(type_name))

        def up(q):
            return [
                "%s = %s" % (cname + "_enum", enum_expr(q)),
                "%s.create(op.get_bind(), checkfirst=False)" % (cname + "_enum"),
                "op.add_column(%s, sa.Column(%s, %s_enum, nullable=True))" % (q(name), q(cname), cname),
            ]

        def down(q):
            lines = ["op.drop_column(%s, %s)" % (q(name), q(cname))]
            if style == "bind":
                lines.append("%s.drop(op.get_bind(), checkfirst=False)" % enum_expr(q))
            else:
                lines.append("op.execute(%s)" % q("DROP TYPE %s" % type_name))
            return lines

        return Op(up, down, "Add %s enum to %s" % (cname, name))

    def op_execute_comment(self, rev, state):
        """COMMENT ON TABLE through op.execute with a computed string."""
        name = self.pick_table(state)
        if name is None or (name, "#comment") in self.claimed_columns:
            return None
        self.claimed_columns.add((name, "#comment"))
        text = self.rng.choice(("Soft-deleted rows keep their ids", "Partitioned by month in production",
                                "Do not join on name: it is not unique", "Mirrors the ERP's table"))

        def up(q):
            return ["op.execute(%s %% (%s, %s))" % (q("COMMENT ON TABLE %s IS '%s'"), q(name), q(text.replace("'", "''")))]

        def down(q):
            return ["op.execute(%s)" % q("COMMENT ON TABLE %s IS NULL" % name)]

        return Op(up, down, "Comment on %s" % name)

    def combine(self, ops):
        ops = [o for o in ops if o is not None]
        if len(ops) == 1:
            return ops[0]

        def up(q):
            out = []
            for o in ops:
                out += o.up(q)
            return out

        def down(q):
            out = []
            for o in reversed(ops):
                out += o.down(q)
            return out

        return Op(up, down, ops[0].describe, any(o.needs_pg for o in ops))

    def assign_labels(self):
        """Put branch labels on up to --labels fork roots, spread over the history.

        alembic resolves `label@head` among the heads (effective heads included)
        that descend from the revision declaring the label and refuses when there
        are several, so only roots that reach exactly one head are eligible."""
        k = self.args.labels
        if not k or not self.fork_roots:
            return
        # bit set of the leaves (no down_revision child) each revision reaches;
        # children are always younger, so one pass from the youngest suffices
        reach = [0] * len(self.revs)
        bit = 0
        for r in reversed(self.revs):
            if not r.has_child:
                reach[r.idx] |= 1 << bit
                bit += 1
            for p in r.parents:
                reach[p.idx] |= reach[r.idx]
        eligible = [r for r in self.fork_roots if bin(reach[r.idx]).count("1") == 1]
        if not eligible:
            return
        step = len(eligible) / min(k, len(eligible))
        chosen = [eligible[int(j * step)] for j in range(min(k, len(eligible)))]
        for root in chosen:
            labels = [self.new_label()]
            if self.rng.random() < 0.1:
                labels.append(self.new_label())
            root.labels = tuple(labels)
            self.label_roots.append(root)
        # depends_on may name a branch label instead of a revision id
        for r in self.revs:
            for j, d in enumerate(r.deps):
                if d.labels and self.rng.random() < 0.5:
                    r.dep_names[j] = d.labels[0]

    # --- dates, locations, quirks ------------------------------------------

    def decorate(self):
        rng = self.rng
        a = self.args
        n = len(self.revs)
        when = datetime.datetime(2019, 3, 4, 9, 30, 0)
        span_hours = min(36.0, 6 * 365 * 24 / max(1, n))
        for rev in self.revs:
            when += datetime.timedelta(hours=rng.uniform(0.05, 2 * span_hours), microseconds=rng.randrange(1000000))
            rev.created = when
            rev.location = self.lane_location(rev.lane)
            if rev.idx > 2 and rng.random() < a.stale_revises:
                # the docstring was not updated after a rebase: the assignment wins
                rev.stale_revises = self.revs[rev.idx - 2].rid

    def lane_location(self, lane_id):
        m = self.args.version_locations
        return 0 if m <= 1 else lane_id % m

    # --- writing -----------------------------------------------------------

    def location_dirs(self):
        m = self.args.version_locations
        if m <= 1:
            return ["versions"]
        names = ["core", "reporting", "billing", "ops", "data", "search", "legacy", "expand", "contract"]
        return ["versions/" + (names[i] if i < len(names) else "loc%d" % i) for i in range(m)]

    def write(self, out):
        a = self.args
        os.makedirs(os.path.join(out, "migrations"), exist_ok=True)
        dirs = self.location_dirs()
        for d in dirs:
            os.makedirs(os.path.join(out, "migrations", d), exist_ok=True)
        with open(os.path.join(out, "alembic.ini"), "w", encoding="utf-8") as f:
            f.write(self.render_ini(dirs))
        with open(os.path.join(out, "migrations", "env.py"), "w", encoding="utf-8") as f:
            f.write(self.render_env())
        with open(os.path.join(out, "migrations", "script.py.mako"), "w", encoding="utf-8") as f:
            f.write(SCRIPT_MAKO)
        with open(os.path.join(out, "migrations", "README"), "w", encoding="utf-8") as f:
            f.write("Synthetic project written by bench/generate_project.py %s\n" % " ".join(sys.argv[1:]))
        for rev in self.revs:
            path = os.path.join(out, "migrations", dirs[rev.location],
                                "%s_%s.py" % (rev.rid, slugify(rev.message.split("\n")[0]) or "empty"))
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.render_rev(rev))

    def render_ini(self, dirs):
        a = self.args
        sep_name, sep = ("space", " ") if a.seed % 2 == 0 else ("os", os.pathsep)
        lines = [
            "# Synthetic Alembic project (bench/generate_project.py, seed %d)." % a.seed,
            "",
            "[alembic]",
            "script_location = %(here)s/migrations",
            "prepend_sys_path = .",
        ]
        if len(dirs) > 1:
            lines.append("version_locations = " + sep.join("%(here)s/migrations/" + d for d in dirs))
            lines.append("version_path_separator = " + sep_name)
        else:
            lines.append("version_path_separator = os")
        lines += [
            "",
            "# a harmless default; DATABASE_URL overrides it (see migrations/env.py)",
            "sqlalchemy.url = postgresql://retort@localhost/retort_synthetic",
            "",
            "[loggers]", "keys = root,sqlalchemy,alembic", "",
            "[handlers]", "keys = console", "",
            "[formatters]", "keys = generic", "",
            "[logger_root]", "level = WARN", "handlers = console", "qualname =", "",
            "[logger_sqlalchemy]", "level = WARN", "handlers =", "qualname = sqlalchemy.engine", "",
            "[logger_alembic]", "level = INFO", "handlers =", "qualname = alembic", "",
            "[handler_console]", "class = StreamHandler", "args = (sys.stderr,)", "level = NOTSET",
            "formatter = generic", "",
            "[formatter_generic]", "format = %(levelname)-5.5s [%(name)s] %(message)s", "datefmt = %H:%M:%S", "",
        ]
        return "\n".join(lines)

    def render_env(self):
        tpm = "        transaction_per_migration=True,\n" if self.args.transaction_per_migration else ""
        return ENV_PY.replace("@TPM@", tpm)

    def render_rev(self, rev):
        q = q_double if rev.annotated else q_single
        parents = [p.rid for p in rev.parents]
        revises = rev.stale_revises if rev.stale_revises else ", ".join(parents)
        msg = rev.message.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        lines = ['"""%s' % msg, "", "Revision ID: %s" % rev.rid, "Revises: %s" % revises,
                 "Create Date: %s" % rev.created.strftime("%Y-%m-%d %H:%M:%S.%f"), "", '"""']
        needs_pg = any(o.needs_pg for o in rev.ops)
        if rev.annotated:
            lines.append("from typing import Sequence, Union")
            lines.append("")
        lines.append("from alembic import op")
        lines.append("import sqlalchemy as sa")
        if needs_pg:
            lines.append("from sqlalchemy.dialects import postgresql")
        else:
            lines.append("")
        lines.append("")

        if len(parents) == 0:
            down = "None"
        elif len(parents) == 1:
            down = q(parents[0])
        else:
            down = "(%s)" % ", ".join(q(p) for p in parents)
        if not rev.labels:
            labels = "None"
        elif len(rev.labels) == 1:
            labels = "(%s,)" % q(rev.labels[0])
        else:
            labels = "(%s)" % ", ".join(q(l) for l in rev.labels)
        if not rev.dep_names:
            deps = "None"
        elif len(rev.dep_names) == 1:
            deps = q(rev.dep_names[0])
        else:
            deps = "(%s)" % ", ".join(q(d) for d in rev.dep_names)

        lines.append("# revision identifiers, used by Alembic.")
        if rev.annotated:
            down_ann = "Union[str, Sequence[str], None]" if len(parents) > 1 or rev.idx % 2 else "Union[str, None]"
            lines += [
                "revision: str = %s" % q(rev.rid),
                "down_revision: %s = %s" % (down_ann, down),
                "branch_labels: Union[str, Sequence[str], None] = %s" % labels,
                "depends_on: Union[str, Sequence[str], None] = %s" % deps,
            ]
        else:
            lines += [
                "revision = %s" % q(rev.rid),
                "down_revision = %s" % down,
                "branch_labels = %s" % labels,
                "depends_on = %s" % deps,
            ]
        lines += ["", ""]
        if "timestamps" in rev.helpers:
            lines += [
                "def _timestamp_columns():",
                "    return [",
                "        sa.Column(%s, sa.DateTime(timezone=True), server_default=sa.text(%s), nullable=False)," % (q("created_at"), q("now()")),
                "        sa.Column(%s, sa.DateTime(timezone=True), nullable=True)," % q("updated_at"),
                "    ]",
                "",
                "",
            ]
        ret = " -> None" if rev.annotated or rev.idx % 3 else ""
        auto = bool(rev.ops) and rev.idx % 4 != 1
        for fname, parts in (("upgrade", [o.up(q) for o in rev.ops]),
                             ("downgrade", [o.down(q) for o in reversed(rev.ops)])):
            lines.append("def %s()%s:" % (fname, ret))
            body = [l for part in parts for l in part]
            if not body:
                lines.append("    pass")
            else:
                if auto:
                    lines.append("    # ### commands auto generated by Alembic - please adjust! ###")
                lines += ["    " + l if l else "" for l in body]
                if auto:
                    lines.append("    # ### end Alembic commands ###")
            lines += ["", ""]
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n"


ENV_PY = '''"""Migration environment of a synthetic project (bench/generate_project.py).

Offline (--sql) or online; DATABASE_URL, when set, replaces sqlalchemy.url.
"""
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

if os.environ.get("DATABASE_URL"):
    config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"].replace("%", "%%"))

target_metadata = None


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
@TPM@    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
@TPM@        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''

SCRIPT_MAKO = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = ${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
'''


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Generate a synthetic Alembic project (deterministic from --seed).")
    p.add_argument("out_dir", metavar="OUT_DIR", help="directory to create (must not hold a project already)")
    p.add_argument("--revisions", type=int, required=True, metavar="N", help="number of revisions (1..)")
    p.add_argument("--branch-every", type=int, default=0, metavar="K",
                   help="fork a lane every K revisions: a tip gets a second child (default: never)")
    p.add_argument("--merge-every", type=int, default=0, metavar="K",
                   help="merge two (sometimes three) open lanes every K revisions (default: never)")
    p.add_argument("--labels", type=int, default=0, metavar="K",
                   help="put branch labels on up to K branch roots, spread over the history")
    p.add_argument("--depends-on", type=int, default=0, metavar="K",
                   help="add up to K depends_on references to revisions of other branches")
    p.add_argument("--heads", type=int, default=1, metavar="H",
                   help="end with H heads (merging or forking near the end); 0 leaves whatever is open (default 1)")
    p.add_argument("--effective-heads", type=int, default=0, metavar="E",
                   help="end with E leaves that are only depends_on targets ('(effective head)'); "
                        "`upgrade head` then fails as it does in alembic (default 0)")
    p.add_argument("--max-lanes", type=int, default=8, metavar="L",
                   help="never keep more than L lanes open at once; a due fork becomes a merge (default 8)")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--id-style", choices=("hex", "seq", "mixed"), default="hex")
    p.add_argument("--annotated-ratio", type=float, default=0.3, metavar="F",
                   help="share of files written in the annotated header form (default 0.3)")
    p.add_argument("--version-locations", type=int, default=1, metavar="M",
                   help="spread revision files over M version directories, by branch (default 1)")
    p.add_argument("--ops", choices=("realistic", "minimal"), default="realistic",
                   help="realistic DDL bodies, or 'pass' bodies for graph-only benchmarks")
    p.add_argument("--transaction-per-migration", action="store_true",
                   help="env.py passes transaction_per_migration=True; enables CONCURRENTLY index revisions")
    p.add_argument("--stale-revises", type=float, default=0.01, metavar="F",
                   help="share of docstrings whose 'Revises:' line is stale (default 0.01)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    if args.revisions < 1:
        p.error("--revisions must be at least 1")
    if not 0.0 <= args.annotated_ratio <= 1.0:
        p.error("--annotated-ratio must be between 0 and 1")
    if args.version_locations < 1:
        p.error("--version-locations must be at least 1")
    if args.max_lanes < 2:
        p.error("--max-lanes must be at least 2")
    if args.heads < 0:
        p.error("--heads must be 0 or more")
    if args.effective_heads < 0:
        p.error("--effective-heads must be 0 or more")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if os.path.exists(os.path.join(args.out_dir, "alembic.ini")):
        sys.exit("%s already holds an alembic.ini; pick an empty directory" % args.out_dir)
    started = time.monotonic()
    gen = Generator(args)
    revs = gen.plan()
    gen.assign_labels()
    gen.decorate()
    gen.write(args.out_dir)
    if not args.quiet:
        heads = sum(1 for ln in gen.lanes)
        merges = sum(1 for r in revs if len(r.parents) > 1)
        children = {}
        for r in revs:
            for p in r.parents:
                children[p.idx] = children.get(p.idx, 0) + 1
        branch_points = sum(1 for v in children.values() if v > 1)
        print("%s: %d revisions, %d branch points, %d merges, %d heads, %d labelled roots, "
              "%d depends_on, %.2fs" % (
                  args.out_dir, len(revs), branch_points, merges, heads, len(gen.label_roots),
                  sum(len(r.deps) for r in revs), time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
