#!/usr/bin/env python3
"""Writes versions/ of the evaluator corpus: one small revision per Python form
Retort's body evaluator understands (or must refuse), chained c001 -> c002 -> ...

Run by hand after editing FORMS (python3 make_corpus.py); commit its output.
tests/render/tst_opcorpus.cpp compares Retort's --sql for every revision with
alembic's; a revision whose file says `# retort: needs-python` must be refused.
"""
import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))

# (slug, module-level code, upgrade body, downgrade body, needs_python)
FORMS = []


def form(slug, up, down="pass", module="", needs_python=False):
    if needs_python and down == "pass":
        down = up  # refused both ways
    FORMS.append((slug, textwrap.dedent(module).strip("\n"), textwrap.dedent(up).strip("\n"),
                  textwrap.dedent(down).strip("\n"), needs_python))


# ---- string literals -----------------------------------------------------------
form("lit_single", "op.execute('SELECT 1')", "op.execute('SELECT -1')")
form("lit_double", 'op.execute("SELECT 2")', 'op.execute("SELECT -2")')
form("lit_triple_double", 'op.execute("""\n    SELECT 3\n""")', 'op.execute("""SELECT\n    -3""")')
form("lit_triple_single", "op.execute('''\n    UPDATE t SET a = 'x'\n''')", "op.execute('''SELECT 'it''s' ''')")
form("lit_raw", r"op.execute(r'SELECT E''\\d+''')", r"op.execute(R'SELECT ''\n''')")
form("lit_implicit_concat", 'op.execute("SELECT "\n           "1, "\n           \'2\')', "op.execute('SELECT ' 'a' \"b\")")
form("lit_concat_raw_plain", r"op.execute(r'SELECT ''\w'', ' '''\t''')", r"op.execute('SELECT ' r'1')")
form("lit_escapes", r"op.execute('SELECT \'\u00e9\x41\101\' AS e')", r"op.execute('SELECT \"\\\" AS q')")
form("lit_unicode_prefix", "op.execute(u'SELECT 1 AS u')", "op.execute(U'SELECT 2 AS u')")
form("lit_non_ascii", "op.execute('SELECT \\'héllo wörld ✓\\'')", "op.execute(\"COMMENT ON TABLE t IS 'ÿ€'\")")
form("lit_line_continuation", "op.execute('SELECT 1 \\\n+ 1')", "op.execute(\\\n    'SELECT 2')")
form("lit_whitespace_stripped", "op.execute('   SELECT 1   \\n\\n')", "op.execute('\\n\\tSELECT\\t2\\n')")
form("lit_named_escape", r"op.execute('SELECT \N{LATIN SMALL LETTER E WITH ACUTE}')", r"op.execute('SELECT \N{EURO SIGN}')")
form("lit_paren_concat", "op.execute(('SELECT 1'\n            ' + 2'))", "op.execute(('SELECT 3'))")
form("lit_docstring_only", '"""Nothing to do."""', '"""Nothing to undo."""\npass')
form("lit_ellipsis", "...", "...")
form("lit_pass", "pass", "pass")

# ---- f-strings -------------------------------------------------------------------
form("f_constant", 'op.execute(f"SELECT {N} AS n")', 'op.execute(f"SELECT {NAME!r}")', module='N = 42\nNAME = "x"')
VALUES = {"s": '"abc"', "n": "1234", "neg": "-56", "big": "1234567", "q": "\"it's\"", "e": '"é"'}
FSPECS = [
    ("s", ""), ("s", "!r"), ("s", "!s"), ("s", ":>8"), ("s", ":<8"), ("s", ":^9"), ("s", ":*^9"), ("s", ":.2"),
    ("s", ":8.2"), ("s", ":s"), ("q", "!r"), ("e", "!r"), ("e", ":>4"), ("n", ""), ("n", ":d"), ("n", ":06d"),
    ("n", ":>8"), ("n", ":<8|"), ("n", ":^8"), ("n", ":+d"), ("n", ": d"), ("n", ":x"), ("n", ":X"), ("n", ":#x"),
    ("n", ":o"), ("n", ":#o"), ("n", ":b"), ("n", ":#b"), ("big", ":,"), ("big", ":_"), ("big", ":_x"),
    ("neg", ""), ("neg", ":06"), ("neg", ":=+8"), ("neg", ":>+8"), ("neg", ":x"), ("n", "!r"), ("n", ":0=10"),
    ("n", ":#010x"), ("neg", ":,"),
]
for i, (var, spec) in enumerate(FSPECS):
    v = VALUES[var]
    tail = spec.rstrip("|")
    form(f"f_spec_{i:02d}", f"v = {v}\nop.execute(f\"SELECT '{{v{tail}}}'\")", f"op.execute(f\"SELECT '{{V{tail}}}'\")",
         module=f"V = {v}")
form("f_nested_width", 'w = 7\nop.execute(f"SELECT \'{N:>{w}}\'")', 'op.execute(f"SELECT \'{NAME:{FILL}^{W}}\'")',
     module='N = 5\nNAME = "ab"\nFILL = "-"\nW = 6')
form("f_braces", 'op.execute(f"SELECT \'{{a}}\' || \'{N}\'")', 'op.execute(f"SELECT \'{{}}\'")', module="N = 1")
form("f_raw", r'op.execute(rf"SELECT E\'\\d{N}\'")', r'op.execute(fr"SELECT \'\n{N}\'")', module="N = 3")
form("f_concat", 'op.execute(f"SELECT {A}" ", " f"{B}" \' AS x\')', 'op.execute("SELECT " f"{A + B}")',
     module="A = 1\nB = 2")
form("f_quotes_inside", "op.execute(f'SELECT {\"x\"!r}')", 'op.execute(f"SELECT {\'y\'}")')
form("f_list_repr", 'op.execute(f"SELECT \'{COLS}\'")', 'op.execute(f"SELECT \'{TUP}\', \'{ONE}\'")',
     module='COLS = ["a", "b"]\nTUP = ("x", 1)\nONE = ("z",)')
form("f_dict_repr", 'op.execute(f"SELECT \'{D}\'")', 'op.execute(f"SELECT \'{EMPTY}\'")',
     module='D = {"k": 1, "j": "v"}\nEMPTY = {}')
form("f_bool_none", 'op.execute(f"SELECT {T}, {F}, \'{NONE}\'")', 'op.execute(f"SELECT {not T}")',
     module="T = True\nF = False\nNONE = None")
form("f_multiline", 'op.execute(f"""\n    CREATE INDEX ix_{T} ON {T} (a)\n""")', 'op.execute(f"""DROP INDEX ix_{T}""")',
     module='T = "orders"')
form("f_expression", 'op.execute(f"SELECT {N * 2 + 1}, {len(COLS)}")', 'op.execute(f"SELECT {COLS[0]}")',
     module='N = 20\nCOLS = ["a", "b"]')
form("f_float", 'op.execute(f"SELECT {X}")', "pass", module="X = 1.5", needs_python=True)
form("f_unknown_name", 'op.execute(f"SELECT \'{os.sep}\'")', "pass", module="import os", needs_python=True)

# ---- % formatting and str.format ------------------------------------------------
PERCENT = [
    ('"SELECT %s" % N', '"SELECT %d" % N'),
    ('"SELECT \'%s\', \'%s\'" % (A, B)', '"SELECT %(a)s, %(b)s" % {"a": 1, "b": 2}'),
    ('"SELECT \'%5d\'" % N', '"SELECT \'%-5s|\'" % A'),
    ('"SELECT \'%05d\'" % N', '"SELECT \'%x\', \'%X\', \'%o\'" % (255, 255, 8)'),
    ('"SELECT \'%r\'" % A', '"SELECT \'%s\' || \'%s\'" % ("a", N)'),
    ('"SELECT \'%.2s\'" % A', '"SELECT \'%+d\'" % N'),
    ('"SELECT \'%#x\'" % N', '"SELECT \'% d\'" % N'),
    ('"SELECT \'%s\'" % (COLS,)', '"SELECT \'%s\'" % True'),
]
for i, (up, down) in enumerate(PERCENT):
    form(f"percent_{i:02d}", f"op.execute({up})", f"op.execute({down})", module='N = 42\nA = "abc"\nB = "de"\nCOLS = ["x"]')
FORMAT = [
    ('"SELECT {}".format(N)', '"SELECT {}, {}".format(A, N)'),
    ('"SELECT {0}, {1}, {0}".format(N, 7)', '"SELECT \'{name}\'".format(name=A)'),
    ('"SELECT \'{:>6}\'".format(A)', '"SELECT \'{0!r:^9}\'".format(A)'),
    ('"SELECT \'{{}}\', {}".format(N)', '"SELECT \'{:05d}\'".format(N)'),
    ('"SELECT \'{}\'".format(COLS)', '"SELECT \'{a}-{b}\'".format(**{"a": 1, "b": 2})'),
]
for i, (up, down) in enumerate(FORMAT):
    form(f"strformat_{i:02d}", f"op.execute({up})", f"op.execute({down})", module='N = 42\nA = "abc"\nCOLS = ["x"]')
form("strformat_attribute", 'op.execute("SELECT {0.real}".format(N))', "pass", module="N = 1", needs_python=True)
form("percent_float", 'op.execute("SELECT %f" % 1.5)', "pass", needs_python=True)

# ---- string operations ----------------------------------------------------------
form("str_plus", 'op.execute("SELECT " + A + ", " + B)', "op.execute('SELECT ' + 'x')", module='A = "1"\nB = "2"')
form("str_times", 'op.execute("SELECT " + "1 + " * 3 + "1")', 'op.execute("SELECT " + 2 * "2 + " + "2")')
form("str_join", 'op.execute("SELECT " + ", ".join(COLS) + " FROM t")', 'op.execute(" ".join(["SELECT", "1"]))',
     module='COLS = ("a", "b", "c")')
form("str_join_generator", 'op.execute("SELECT " + ", ".join(f"\'{c}\'" for c in COLS))',
     'op.execute("SELECT " + ", ".join([c.upper() for c in COLS if c != "b"]))', module='COLS = ["a", "b", "c"]')
form("str_methods", 'op.execute(T.upper() + " 1")', 'op.execute(("  " + T.lower() + "  ").strip() + " 2")', module='T = "Select"')
form("str_replace", 'op.execute("SELECT \'X\'".replace("X", NAME))', 'op.execute("SELECT 2" if NAME.startswith("o") else "SELECT 3")',
     module='NAME = "orders"')
form("str_index_slice", 'op.execute("SELECT \'" + NAME[0] + NAME[-1] + NAME[1:3] + NAME[::-1] + "\'")',
     'op.execute("SELECT \'" + NAME[:2] + "\'")', module='NAME = "orders"')
form("str_builtin_calls", 'op.execute("SELECT " + str(N) + ", " + str(len(COLS)) + ", " + repr(NAME))',
     'op.execute("SELECT %d" % int("12"))', module='N = 3\nCOLS = [1, 2]\nNAME = "n"')

# ---- names and assignments -------------------------------------------------------
form("name_module_constant", "op.execute(SQL)", "op.execute(UNDO)", module='SQL = "SELECT 1"\nUNDO = "SELECT 2"')
form("name_annotated_constant", "op.execute(SQL)", "op.execute(UNDO)", module='SQL: str = "SELECT 1"\nUNDO: "str" = "SELECT 2"')
form("name_constant_from_constant", "op.execute(SQL)", "op.execute(SQL + ' + 1')",
     module='TABLE = "t"\nSQL = "SELECT * FROM " + TABLE')
form("name_constant_reassigned", "op.execute(SQL)", "pass", module='SQL = "SELECT 1"\nSQL = "SELECT 2"')
form("name_constant_after_def", "op.execute(LATER)", "op.execute(LATER + ' -- down')",
     module='', needs_python=False)
form("name_local", 's = "SELECT 1"\nop.execute(s)', 's = "SELECT"\ns = s + " 2"\nop.execute(s)')
form("name_tuple_unpack", 'a, b = "SELECT", "1"\nop.execute(a + " " + b)', '(a, b), c = ("x", "y"), "z"\nop.execute(f"SELECT \'{a}{b}{c}\'")')
form("name_list_unpack", '[a, b] = ["SELECT", "2"]\nop.execute(a + " " + b)', 'a, b = "xy"\nop.execute(f"SELECT \'{b}{a}\'")')
form("name_chained", 'a = b = "SELECT 1"\nop.execute(a)\nop.execute(b)', 'x = y = 2\nop.execute(f"SELECT {x + y}")')
form("name_augmented", 's = "SELECT "\ns += "1"\nn = 1\nn += 2\nn *= 3\ns += f", {n}"\nop.execute(s)',
     'items = ["a"]\nitems += ["b"]\nop.execute("SELECT \'" + "".join(items) + "\'")')
form("name_annotated_local", 's: str = "SELECT 1"\nop.execute(s)', "pass")
form("name_shadow_module", 'SQL = "SELECT local"\nop.execute(SQL)', "op.execute(SQL)", module='SQL = "SELECT module"')
form("name_int_arith", 'op.execute(f"SELECT {7 // 2}, {-7 // 2}, {7 % 3}, {-7 % 3}, {2 - 5}")', 'op.execute(f"SELECT {-N}, {+N}, {~N}")',
     module="N = 4")
form("name_dict_lookup", 'op.execute(D["up"])', 'op.execute(D["down"])', module='D = {"up": "SELECT 1", "down": "SELECT 2"}')

# ---- imports -----------------------------------------------------------------------
IMPORTS = [
    ("import_sa_as", "import sqlalchemy as sa", "sa.text"),
    ("import_sqlalchemy", "import sqlalchemy", "sqlalchemy.text"),
    ("import_from_sqlalchemy", "from sqlalchemy import text", "text"),
    ("import_from_as", "from sqlalchemy import text as t", "t"),
    ("import_sql", "from sqlalchemy.sql import text", "text"),
    ("import_sql_expression", "from sqlalchemy.sql.expression import text", "text"),
    ("import_sql_module", "from sqlalchemy import sql", "sql.text"),
    ("import_dotted", "import sqlalchemy.dialects.postgresql", "sqlalchemy.text"),
    ("import_dotted_as", "import sqlalchemy.sql as sasql", "sasql.text"),
]
for slug, imp, text in IMPORTS:
    form(slug, f'op.execute({text}("SELECT 1"))', f'op.execute({text}("SELECT 2"))', module=imp)
form("import_alembic_module", 'alembic.op.execute("SELECT 1")', 'alembic.op.execute("SELECT 2")', module="import alembic")
form("import_op_as", 'o.execute("SELECT 1")', 'o.execute("SELECT 2")', module="from alembic import op as o")
form("import_alembic_op_as", 'ops.execute("SELECT 1")', 'ops.execute("SELECT 2")', module="import alembic.op as ops")
form("import_in_function", 'from sqlalchemy import text as tx\nop.execute(tx("SELECT 1"))', 'import sqlalchemy\nop.execute(sqlalchemy.text("SELECT 2"))')
form("import_project_module", 'op.execute(os.environ.get("X", "SELECT 1"))', "pass", module="import os", needs_python=True)
form("import_star", 'op.execute(text("SELECT 1"))', "pass", module="from sqlalchemy import *", needs_python=True)

# ---- ops, keywords, op.f --------------------------------------------------------------
form("kw_sqltext", 'op.execute(sqltext="SELECT 1")', 'op.execute(sqltext=sa.text("SELECT 2"))')
form("op_create_index_kw", 'op.create_index("ix_a", "t", ["a"], unique=True)', 'op.drop_index("ix_a", table_name="t")')
form("op_create_index_schema", 'op.create_index(index_name="ix_b", table_name="t", columns=["a", "b"], schema="s")',
     'op.drop_index("ix_b", schema="s")')
form("op_f_names", 'op.create_index(op.f("ix_t_c"), "t", ["c"], unique=False)', 'op.drop_index(op.f("ix_t_c"), table_name="t")')
form("op_f_computed", 'op.create_index(op.f(f"ix_{T}_{C}"), T, [C])', 'op.drop_index(op.f("ix_%s_%s" % (T, C)), table_name=T)',
     module='T = "orders"\nC = "total"')
form("op_fk", 'op.create_foreign_key("fk_a", "t", "r", ["a"], ["id"], ondelete="CASCADE")', 'op.drop_constraint("fk_a", "t", type_="foreignkey")')
form("op_fk_positional_lists", 'cols = ["a", "b"]\nop.create_foreign_key("fk_ab", "t", "r", cols, ["x", "y"])',
     'op.drop_constraint(constraint_name="fk_ab", table_name="t", type_="foreignkey")')
form("op_drops", 'op.drop_column("t", "c")\nop.drop_table("u")', 'op.drop_table("v", schema="s")\nop.drop_column("t", "d", schema="s")')
form("op_starred_args", 'args = ("ix_s", "t", ["a"])\nop.create_index(*args)', 'kw = {"table_name": "t"}\nop.drop_index("ix_s", **kw)')
form("op_columns_computed", 'op.create_index("ix_cc", "t", [f"c{i}" for i in range(3)])', 'op.drop_index("ix_cc", "t")')
form("op_columns_tuple_concat", 'op.create_index("ix_tc", "t", BASE + ("z",))', 'op.drop_index("ix_tc")', module='BASE = ("x", "y")')

# ---- for loops -------------------------------------------------------------------------
form("for_list", 'for t in ["a", "b"]:\n    op.drop_table(t)', 'for t in ("c", "d"):\n    op.execute(f"SELECT \'{t}\'")')
form("for_module_tuple", "for t in TABLES:\n    op.drop_table(t)", "for t in reversed_tables:\n    op.execute('SELECT 1')",
     module='TABLES = ("a", "b", "c")\nreversed_tables = TABLES[::-1]')
form("for_tuple_target", 'for name, col in [("ix_a", "a"), ("ix_b", "b")]:\n    op.create_index(name, "t", [col])',
     'for name, _ in INDEXES:\n    op.drop_index(name)', module='INDEXES = [("ix_a", "a"), ("ix_b", "b")]')
form("for_enumerate", 'for i, c in enumerate(COLS):\n    op.execute(f"SELECT {i}, \'{c}\'")', 'for i, (a, b) in enumerate(zip(COLS, COLS[1:])):\n    op.execute(f"SELECT {i}, \'{a}{b}\'")',
     module='COLS = ["a", "b", "c"]')
form("for_range", 'for i in range(3):\n    op.execute(f"SELECT {i}")', 'for i in range(10, 0, -4):\n    op.execute(f"SELECT {i}")')
form("for_dict", 'for k in D:\n    op.execute(f"SELECT \'{k}\', {D[k]}")', 'for k, v in zip(D, [1, 2]):\n    op.execute(f"SELECT \'{k}{v}\'")',
     module='D = {"a": 1, "b": 2}')
form("for_nested", 'for a in "xy":\n    for b in (1, 2):\n        op.execute(f"SELECT \'{a}{b}\'")', "pass")
form("for_break_continue_else", 'for i in range(5):\n    if i == 1:\n        continue\n    if i == 3:\n        break\n    op.execute(f"SELECT {i}")\nelse:\n    op.execute("SELECT \'no break\'")',
     'for i in range(2):\n    op.execute(f"SELECT {i}")\nelse:\n    op.execute("SELECT \'else\'")')
form("for_over_query", "rows = op.get_bind().execute(sa.text('SELECT 1'))\nfor row in rows or ():\n    op.execute('SELECT 2')", "pass", needs_python=True)
form("for_over_set", "for t in {'a', 'b'}:\n    op.execute('SELECT 1')", "pass", needs_python=True)

# ---- if ------------------------------------------------------------------------------------
form("if_offline", 'if context.is_offline_mode():\n    op.execute("SELECT \'offline\'")\nelse:\n    op.execute("SELECT \'online\'")',
     'if not context.is_offline_mode():\n    raise RuntimeError("online only")\nop.execute("SELECT 2")', module="from alembic import context")
form("if_offline_dynamic_online", 'if context.is_offline_mode():\n    op.execute("SELECT 1")\nelse:\n    conn = op.get_bind()\n    conn.execute(sa.text("SELECT 1"))',
     "pass", module="from alembic import context")
form("if_dialect_op_context", 'if op.get_context().dialect.name == "postgresql":\n    op.execute("SELECT \'pg\'")\nelse:\n    op.execute("SELECT \'other\'")',
     'if op.get_context().dialect.name != "postgresql":\n    op.drop_table("x")')
form("if_dialect_context", 'if context.get_context().dialect.name in ("postgresql", "sqlite"):\n    op.execute("SELECT 1")',
     'dialect = context.get_context().dialect.name\nif dialect == "sqlite":\n    pass\nelif dialect == "postgresql":\n    op.execute("SELECT 2")\nelse:\n    op.execute("SELECT 3")',
     module="from alembic import context")
form("if_constant", 'if FEATURE:\n    op.execute("SELECT 1")\nif not FEATURE:\n    op.execute("SELECT 0")', 'if COUNT > 2 and FEATURE or False:\n    op.execute("SELECT 2")',
     module="FEATURE = True\nCOUNT = 3")
form("if_elif_chain", 'if N == 1:\n    op.execute("SELECT 1")\nelif N == 2:\n    op.execute("SELECT 2")\nelif N == 3:\n    op.execute("SELECT 3")\nelse:\n    op.execute("SELECT 4")',
     'op.execute("SELECT 5" if N > 5 else "SELECT 6")', module="N = 3")
form("if_none_is", 'if SCHEMA is None:\n    op.execute("SELECT 1")', 'if SCHEMA is not None:\n    op.execute("SELECT 2")\nelse:\n    op.execute("SELECT 3")',
     module="SCHEMA = None")
form("if_empty_sequence", 'if ITEMS:\n    op.execute("SELECT 1")\nelse:\n    op.execute("SELECT \'empty\'")', 'if "a" in ITEMS or not ITEMS:\n    op.execute("SELECT 2")',
     module="ITEMS = []")
form("if_or_default", 'op.execute(NAME or "SELECT \'default\'")', 'op.execute(SQL and "SELECT 2")', module='NAME = ""\nSQL = "x"')
form("if_bind_dialect", 'if op.get_bind().dialect.name == "postgresql":\n    op.execute("SELECT 1")', "pass", needs_python=True)
form("return_early", 'op.execute("SELECT 1")\nreturn\nop.execute("SELECT 2")', 'for i in range(3):\n    op.execute(f"SELECT {i}")\n    if i == 1:\n        return')

# ---- with: batch_alter_table and autocommit -----------------------------------------------------
form("batch_drop_column", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_column("a")\n    batch_op.drop_column("b")',
     'with op.batch_alter_table("t", schema="s") as b:\n    b.drop_column("c")')
form("batch_index", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.create_index("ix_a", ["a"], unique=True)',
     'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_index("ix_a")')
form("batch_index_schema", 'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.create_index(batch_op.f("ix_s_a"), ["a"])',
     'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.drop_index(batch_op.f("ix_s_a"))')
form("batch_fk", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.create_foreign_key("fk_r", "r", ["r_id"], ["id"], ondelete="SET NULL")',
     'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_constraint("fk_r", type_="foreignkey")')
form("batch_drop_constraint_schema", 'with op.batch_alter_table("t", schema="s", recreate="auto") as batch_op:\n    batch_op.drop_constraint("uq_x", "unique")',
     'with op.batch_alter_table(table_name="t", recreate="never") as batch_op:\n    batch_op.drop_constraint("ck_x")')
form("batch_order", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_column("a")\n    op.execute("SELECT \'plain op runs first\'")\n    batch_op.execute("SELECT \'batch execute runs at once\'")\n    batch_op.drop_column("b")\nop.execute("SELECT \'after\'")',
     'op.execute("SELECT 1")\nwith op.batch_alter_table("t") as batch_op:\n    for c in ("x", "y"):\n        batch_op.drop_column(c)\nop.execute("SELECT 2")')
form("batch_two_blocks", 'with op.batch_alter_table("a") as b1:\n    b1.drop_column("x")\nwith op.batch_alter_table("b") as b2:\n    b2.drop_column("y")',
     'with op.batch_alter_table("a") as outer:\n    with op.batch_alter_table("b") as inner:\n        inner.drop_column("y")\n        outer.drop_column("x")')
form("batch_empty", 'with op.batch_alter_table("t"):\n    pass', 'with op.batch_alter_table("t") as batch_op:\n    op.execute("SELECT 1")')
form("autocommit_block", 'op.execute("SELECT 1")\nwith op.get_context().autocommit_block():\n    op.execute("ALTER TYPE mood ADD VALUE \'soso\'")\nop.execute("SELECT 2")',
     'with op.get_context().autocommit_block():\n    op.create_index("ix_c", "t", ["c"])\n    op.execute("SELECT 3")')
form("autocommit_context", 'with context.get_context().autocommit_block():\n    op.execute("SELECT 1")', 'ctx = op.get_context()\nwith ctx.autocommit_block():\n    pass',
     module="from alembic import context")
form("autocommit_in_loop", 'for v in ("a", "b"):\n    with op.get_context().autocommit_block():\n        op.execute(f"ALTER TYPE mood ADD VALUE \'{v}\'")', "pass")

# ---- DDL ops reached through the evaluator's forms -------------------------------------------
form("ddl_create_table_bind_bulk", 't = op.create_table(\n    "cb",\n    sa.Column("id", sa.Integer(), primary_key=True),\n    sa.Column("name", sa.String(20)),\n)\nop.bulk_insert(t, [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])',
     'op.drop_table("cb")')
form("ddl_bulk_rows_computed", 'rows = [{"id": i, "label": f"row {i}"} for i in range(1, 4)]\nop.bulk_insert(sa.table("bk", sa.column("id", sa.Integer()), sa.column("label", sa.String())), rows)',
     'op.execute("DELETE FROM bk")')
form("ddl_bulk_table_constant", 'op.bulk_insert(ITEMS, [dict(), {"id": 7}][1:])', 'op.execute(sa.text("DELETE FROM items"))',
     module='ITEMS = sa.table("items", sa.column("id", sa.Integer()))')
form("ddl_from_imports", 'op.create_table("fi", Column("id", Integer, primary_key=True), Column("v", String(5), nullable=False))',
     'op.drop_table("fi")', module="from sqlalchemy import Column, Integer, String")
form("ddl_pg_imports", 'op.add_column("t", sa.Column("data", JSONB()))\nop.add_column("t", sa.Column("uid", pg.UUID(as_uuid=True)))',
     'op.drop_column("t", "uid")\nop.drop_column("t", "data")',
     module="from sqlalchemy.dialects.postgresql import JSONB\nfrom sqlalchemy.dialects import postgresql as pg")
form("ddl_dotted_pg", 'op.add_column("t", sa.Column("tags", sqlalchemy.dialects.postgresql.ARRAY(sa.Text())))', 'op.drop_column("t", "tags")',
     module="import sqlalchemy.dialects.postgresql")
form("ddl_types_module", 'op.add_column("t", sa.Column("n", types.BigInteger(), server_default="0"))', 'op.drop_column("t", "n")',
     module="from sqlalchemy import types")
form("ddl_columns_constant", 'op.create_table("cc", *COLUMNS)', 'op.drop_table("cc")',
     module='COLUMNS = [\n    sa.Column("id", sa.Integer(), primary_key=True),\n    sa.Column("created", sa.DateTime(timezone=True), server_default=sa.func.now()),\n]')
form("ddl_columns_loop", 'for name in ("a", "b"):\n    op.add_column("t", sa.Column(f"{name}_count", sa.Integer(), nullable=True))',
     'for name in ("b", "a"):\n    op.drop_column("t", f"{name}_count")')
form("ddl_index_kwargs", 'op.create_index("ix_kw", "t", ["a"], **KW)', 'op.drop_index("ix_kw", table_name="t")',
     module='KW = {"unique": True, "postgresql_where": sa.text("a > 0")}')
form("ddl_alter_column", 'op.alter_column("t", "c", existing_type=sa.Integer(), nullable=NULLABLE)', 'op.alter_column("t", "c", existing_type=sa.Integer(), nullable=not NULLABLE)',
     module="NULLABLE = False")
form("ddl_server_default_text", 'op.add_column("t", sa.Column("ts", sa.DateTime(), server_default=sa.text("now()")))', 'op.drop_column("t", "ts")')
form("ddl_batch_add_alter", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.add_column(sa.Column("d", sa.String(10)))\n    batch_op.alter_column("d", new_column_name="e", existing_type=sa.String(10))',
     'with op.batch_alter_table("t") as batch_op:\n    batch_op.alter_column("e", new_column_name="d")\n    batch_op.drop_column("d")')
form("ddl_batch_add_schema", 'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.add_column(sa.Column("d", sa.Integer()))\n    batch_op.alter_column("d", nullable=False, existing_type=sa.Integer())',
     'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.drop_column("d")')
form("ddl_batch_constraints", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.create_unique_constraint("uq_t_a", ["a"])\n    batch_op.create_check_constraint("ck_t_a", "a > 0")\n    batch_op.create_primary_key("pk_t", ["id"])',
     'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_constraint("pk_t", type_="primary")\n    batch_op.drop_constraint("ck_t_a", type_="check")\n    batch_op.drop_constraint("uq_t_a", type_="unique")')
form("ddl_batch_constraints_schema", 'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.create_unique_constraint("uq_s_a", ["a"])\n    batch_op.create_check_constraint("ck_s_a", sa.text("a > 0"))',
     'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.drop_constraint("ck_s_a")\n    batch_op.drop_constraint("uq_s_a")')
form("ddl_batch_fk_schema", 'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.create_foreign_key("fk_s", "r", ["r_id"], ["id"])',
     'with op.batch_alter_table("t", schema="s") as batch_op:\n    batch_op.create_foreign_key("fk_s2", "r", ["r_id"], ["id"], "other")')
form("ddl_batch_fk_referent_schema_kw", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.create_foreign_key("fk_rs", "r", ["r_id"], ["id"], referent_schema="o", ondelete="CASCADE")',
     'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_constraint("fk_rs", type_="foreignkey")')
form("ddl_batch_ordering_with_plain", 'with op.batch_alter_table("t") as batch_op:\n    batch_op.add_column(sa.Column("x", sa.Integer()))\n    op.create_index("ix_t_y", "t", ["y"])\n    batch_op.create_index("ix_t_x", ["x"])',
     'with op.batch_alter_table("t") as batch_op:\n    batch_op.drop_index("ix_t_x")\n    op.drop_index("ix_t_y", table_name="t")\n    batch_op.drop_column("x")')
form("ddl_autocommit_concurrently", 'with op.get_context().autocommit_block():\n    op.create_index("ix_cc", "t", ["a"], postgresql_concurrently=True)',
     'with op.get_context().autocommit_block():\n    op.drop_index("ix_cc", table_name="t", postgresql_concurrently=True)')
form("ddl_rename_and_comment", 'op.rename_table("old_" + T, T)\nop.create_table_comment(T, f"table {T}")', 'op.drop_table_comment(T)\nop.rename_table(T, "old_" + T)',
     module='T = "things"')
form("ddl_op_f_constraint", 'op.create_unique_constraint(op.f("uq_t_b"), "t", ["b"])', 'op.drop_constraint(op.f("uq_t_b"), "t", type_="unique")')

# ---- needs Python ---------------------------------------------------------------------------------
form("dyn_get_bind", 'conn = op.get_bind()\nconn.execute(sa.text("SELECT 1"))', "pass", needs_python=True)
form("dyn_helper", 'helper("t")', "pass", module='def helper(t):\n    op.execute(f"SELECT \'{t}\'")', needs_python=True)
form("dyn_while", 'i = 0\nwhile i < 2:\n    op.execute(f"SELECT {i}")\n    i += 1', "pass", needs_python=True)
form("dyn_try", 'try:\n    op.execute("SELECT 1")\nexcept Exception:\n    pass', "pass", needs_python=True)
form("dyn_global", 'global COUNTER\nCOUNTER = 1\nop.execute("SELECT 1")', "pass", module="COUNTER = 0", needs_python=True)
form("dyn_lambda", 'f = lambda t: "SELECT " + t\nop.execute(f("1"))', "pass", needs_python=True)
form("dyn_print", 'print("hello")\nop.execute("SELECT 1")', "pass", needs_python=True)
form("dyn_method_on_construct", 'op.execute(sa.text("SELECT :x").bindparams(x=1))', "pass", needs_python=True)
form("dyn_module_if", 'op.execute(SQL)', "pass", module='import sys\nif sys.version_info > (3,):\n    SQL = "SELECT 1"\nelse:\n    SQL = "SELECT 2"',
     needs_python=True)
form("dyn_nested_def", 'def inner():\n    op.execute("SELECT 1")\ninner()', "pass", needs_python=True)
form("dyn_class", 'class T:\n    name = "t"\nop.drop_table(T.name)', "pass", needs_python=True)
form("dyn_conn_execute_loop", 'conn = op.get_bind()\nfor t in ("a", "b"):\n    conn.execute(sa.text(f"SELECT \'{t}\'"))', "pass", needs_python=True)
form("dyn_op_result", 'x = op.execute("SELECT 1")\nop.execute(f"SELECT \'{x}\'")', "pass", needs_python=True)


# ---- added later (appended so earlier revisions keep their ids) ----------------------------------
form("name_module_comprehension", 'op.execute("SELECT " + ", ".join(QUOTED))', 'op.execute(f"SELECT {len(QUOTED)}")',
     module='NAMES = ["a", "b"]\nQUOTED = [f"\'{n}\'" for n in NAMES]')

# ---- enum types through the migration's connection; module-level helpers ----------------
PG = "from sqlalchemy.dialects import postgresql"
form("enum_create_bind",
     'status_enum = sa.Enum("draft", "active", "retired", name="doc_status")\n'
     'status_enum.create(op.get_bind(), checkfirst=False)\n'
     'op.add_column("docs", sa.Column("status", status_enum, nullable=True))',
     'op.drop_column("docs", "status")\n'
     'sa.Enum("draft", "active", "retired", name="doc_status").drop(op.get_bind(), checkfirst=False)')
form("enum_create_keywords",
     'postgresql.ENUM("low", "high", name="level", schema="audit").create(bind=op.get_bind())\n'
     'sa.Enum("a", name="tier").create(op.get_bind(), True)',
     'sa.Enum(name="tier").drop(op.get_bind())\n'
     'postgresql.ENUM(name="level", schema="audit", create_type=False).drop(bind=op.get_bind(), checkfirst=True)',
     module=PG)
form("enum_create_quoted",
     'mood = sa.Enum("it\'s", "ok", "Big Value", name="Mood")\nmood.create(op.get_bind(), checkfirst=False)',
     'sa.Enum(name="Mood").drop(op.get_bind(), checkfirst=False)')
form("enum_create_then_table",
     'kind = sa.Enum("x", "y", name="item_kind")\nkind.create(op.get_bind(), checkfirst=False)\n'
     'op.create_table("items", sa.Column("id", sa.Integer, primary_key=True), sa.Column("kind", kind))',
     'op.drop_table("items")\nkind = sa.Enum("x", "y", name="item_kind")\nkind.drop(op.get_bind(), checkfirst=False)')
form("enum_create_stored_bind", 'bind = op.get_bind()\nsa.Enum("a", name="e1").create(bind, checkfirst=False)',
     'conn = op.get_bind()\nsa.Enum(name="e1").drop(bind=conn)')
form("enum_create_result_used", 'made = sa.Enum("a", name="e2").create(op.get_bind(), checkfirst=False)',
     needs_python=True)
form("enum_create_not_native", 'sa.Enum("a", "b", name="e3", native_enum=False).create(op.get_bind())',
     needs_python=True)
TS = ('def _timestamp_columns():\n'
      '    """created_at and updated_at."""\n'
      '    return [\n'
      '        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),\n'
      '        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),\n'
      '    ]')
form("helper_star_columns",
     'op.create_table(\n    "events",\n    sa.Column("id", sa.Integer, primary_key=True),\n    *_timestamp_columns(),\n)',
     'op.drop_table("events")', module=TS)
form("helper_parameters",
     'op.execute(f"SELECT \'{ix_name(\'t\', \'a\')}\', \'{ix_name(\'t\', col=\'b\', sep=\'-\')}\'")',
     'op.execute("SELECT \'" + ix_name(*["u", "v"], suffix="x") + "\'")',
     module='PREFIX = "ix"\n\n\ndef ix_name(table, col, suffix="idx", *, sep="_"):\n    return sep.join([PREFIX, table, col, suffix])')
form("helper_kwargs_and_nested",
     'op.add_column("t", sa.Column("x", sa.Integer, **col_kw()))\nop.execute(quoted(NAME))',
     'op.drop_column("t", "x")\nop.execute(quoted(NAME.upper()))',
     module='NAME = "abc"\n\n\ndef col_kw():\n    return {"nullable": False, "server_default": "0"}\n\n\n'
            'def wrap(s, q="\'"):\n    return q + s + q\n\n\ndef quoted(s):\n    return "SELECT " + wrap(s)')
form("helper_module_value",
     'op.create_table("audit", *COLS)', 'op.drop_table("audit")',
     module='def _cols(n):\n    return [sa.Column(f"c{i}", sa.Integer) for i in range(n)]\n\n\nCOLS = _cols(3)')
form("helper_recursive", 'op.execute(f("x", 2))', module='def f(s, n):\n    return f(s + s, n - 1) if n else s',
     needs_python=True)
form("helper_statements", 'op.execute(f())', module='def f():\n    x = "SELECT 1"\n    return x', needs_python=True)
form("helper_unknown_inside", 'op.execute(f())', module='import os\n\n\ndef f():\n    return "SELECT \'" + os.sep + "\'"',
     needs_python=True)
form("enum_stored_bind_other_use", 'bind = op.get_bind()\nsa.Enum("a", name="e4").create(bind)\nbind.execute(sa.text("SELECT 1"))',
     needs_python=True)
form("helper_sees_module_not_caller",
     'NAME = "local"\nop.execute("SELECT \'" + name_of() + "\', \'" + NAME + "\'")',
     'op.execute(f"SELECT \'{name_of()}\'")',
     module='NAME = "module"\n\n\ndef name_of():\n    return NAME')

HEADER = '''"""{slug}

Revision ID: {rev}
Revises: {down}
Create Date: 2024-01-01 00:00:00

"""
{marker}from alembic import op
import sqlalchemy as sa
{module}
revision = "{rev}"
down_revision = {down_repr}
branch_labels = None
depends_on = None


def upgrade():
{up}


def downgrade():
{down_body}
'''


def indent(body):
    return textwrap.indent(body, "    ", lambda line: True) if body else "    pass"


def main():
    versions = os.path.join(HERE, "versions")
    os.makedirs(versions, exist_ok=True)
    for name in os.listdir(versions):
        if name.endswith(".py"):
            os.remove(os.path.join(versions, name))
    previous = None
    for i, (slug, module, up, down, needs_python) in enumerate(FORMS, start=1):
        rev = f"c{i:03d}"
        if slug == "name_constant_after_def":
            module = ""
        text = HEADER.format(
            slug=slug, rev=rev, down=previous or "", down_repr=repr(previous),
            marker="# retort: needs-python\n" if needs_python else "",
            module=("\n" + module + "\n") if module else "",
            up=indent(up), down_body=indent(down))
        if slug == "name_constant_after_def":
            text += '\n\nLATER = "SELECT \'defined after upgrade()\'"\n'
        with open(os.path.join(versions, f"{rev}_{slug}.py"), "w", encoding="utf-8") as f:
            f.write(text)
        previous = rev
    print(f"{len(FORMS)} revisions")


if __name__ == "__main__":
    main()
