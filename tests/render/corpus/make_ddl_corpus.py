#!/usr/bin/env python3
"""Writes the ddl corpus projects (tests/render/corpus/ddl*/): one small
revision per DDL form, upgrade and downgrade, chained linearly. Run by hand
after editing FORMS; commit its output. tst_opcorpus compares each revision
against the real alembic 1.8.1 offline output.

A form whose body Retort must refuse carries `# retort: needs-python` on the
line that needs it. Forms alembic itself cannot render offline go to the
ddl_refused project, which tst_opcorpus never asks alembic about.
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")

NP = "  # retort: needs-python"

# (slug, upgrade body, downgrade body); bodies are lines of Python.
FORMS = []


def form(slug, up, down):
    FORMS.append((slug, up, down))


def table(slug, coltype, extra=""):
    t = "t_" + slug
    form(
        "type_" + slug,
        f'op.create_table("{t}", sa.Column("id", sa.Integer(), nullable=False), '
        f'sa.Column("v", {coltype}{extra}), sa.PrimaryKeyConstraint("id"))',
        f'op.drop_table("{t}")',
    )


TYPES = [
    ("integer", "sa.Integer()"), ("smallint", "sa.SmallInteger()"), ("bigint", "sa.BigInteger()"),
    ("string50", "sa.String(50)"), ("string", "sa.String()"), ("string_len_kw", "sa.String(length=20)"),
    ("string_collation", 'sa.String(50, collation="C")'), ("text", "sa.Text()"),
    ("text_collation", 'sa.Text(collation="en_US")'),
    ("unicode", "sa.Unicode(30)"), ("unicode_text", "sa.UnicodeText()"), ("boolean", "sa.Boolean()"),
    ("date", "sa.Date()"), ("datetime", "sa.DateTime()"), ("datetime_tz", "sa.DateTime(timezone=True)"),
    ("datetime_notz", "sa.DateTime(timezone=False)"), ("time", "sa.Time()"), ("time_tz", "sa.Time(timezone=True)"),
    ("interval", "sa.Interval()"), ("float", "sa.Float()"), ("float53", "sa.Float(precision=53)"),
    ("float_pos", "sa.Float(10)"),
    ("numeric", "sa.Numeric()"), ("numeric_10_2", "sa.Numeric(10, 2)"), ("numeric_p", "sa.Numeric(precision=8)"),
    ("numeric_kw", "sa.Numeric(precision=12, scale=4)"), ("numeric_asdecimal", "sa.Numeric(10, 2, asdecimal=False)"),
    ("largebinary", "sa.LargeBinary()"), ("largebinary_len", "sa.LargeBinary(length=100)"), ("json", "sa.JSON()"),
    ("json_none", "sa.JSON(none_as_null=True)"),
    ("pg_jsonb", "postgresql.JSONB()"), ("pg_jsonb_astext", "postgresql.JSONB(astext_type=sa.Text())"),
    ("pg_json", "postgresql.JSON()"), ("pg_json_astext", "postgresql.JSON(astext_type=sa.Text())"),
    ("pg_uuid", "postgresql.UUID()"), ("pg_uuid_asuuid", "postgresql.UUID(as_uuid=True)"),
    ("pg_uuid_asuuid_false", "postgresql.UUID(as_uuid=False)"),
    ("pg_array_int", "postgresql.ARRAY(sa.Integer())"), ("pg_array_str", "postgresql.ARRAY(sa.String(20))"),
    ("pg_array_text_dim", "postgresql.ARRAY(sa.Text(), dimensions=2)"), ("pg_inet", "postgresql.INET()"),
    ("pg_cidr", "postgresql.CIDR()"), ("pg_tsvector", "postgresql.TSVECTOR()"), ("pg_bytea", "postgresql.BYTEA()"),
    ("pg_timestamp", "postgresql.TIMESTAMP()"), ("pg_timestamp_tz", "postgresql.TIMESTAMP(timezone=True)"),
    ("pg_timestamp_prec", "postgresql.TIMESTAMP(timezone=True, precision=3)"),
    ("pg_time_prec", "postgresql.TIME(precision=2)"), ("pg_macaddr", "postgresql.MACADDR()"),
    ("pg_money", "postgresql.MONEY()"), ("pg_double", "postgresql.DOUBLE_PRECISION()"),
    ("pg_real", "postgresql.REAL()"), ("pg_interval", "postgresql.INTERVAL()"),
    ("pg_interval_fields", 'postgresql.INTERVAL(fields="DAY")'), ("pg_interval_prec", "postgresql.INTERVAL(precision=3)"),
    ("pg_hstore", "postgresql.HSTORE()"), ("pg_citext_oid", "postgresql.OID()"),
    ("pg_bit", "postgresql.BIT(3)"), ("pg_varbit", "postgresql.BIT(varying=True)"),
    ("pg_int4range", "postgresql.INT4RANGE()"), ("pg_tsrange", "postgresql.TSRANGE()"),
    ("pg_daterange", "postgresql.DATERANGE()"), ("pg_numrange", "postgresql.NUMRANGE()"),
    ("pg_int8range", "postgresql.INT8RANGE()"), ("pg_tstzrange", "postgresql.TSTZRANGE()"),
    ("pg_regclass", "postgresql.REGCLASS()"),
    ("sa_array_int", "sa.ARRAY(sa.Integer())"), ("sa_array_str", "sa.ARRAY(sa.String(10))"),
    ("sa_array_dims", "sa.ARRAY(sa.Integer(), dimensions=3)"),
    ("enum_named", 'sa.Enum("a", "b", name="e_named")'),
    ("enum_quote", 'sa.Enum("it\'s", "b\\\\c", name="e_quote")'),
    ("enum_upper", 'sa.Enum("A", "B", name="MyEnum")'),
    ("enum_nonnative", 'sa.Enum("a", "bb", name="e_nonnative", native_enum=False)'),
    ("enum_nonnative_len", 'sa.Enum("a", "bb", native_enum=False, length=10)'),
    ("enum_nonnative_check", 'sa.Enum("a", "bb", name="e_chk", native_enum=False, create_constraint=True)'),
    ("pg_enum", 'postgresql.ENUM("x", "y", name="e_pg")'),
    ("pg_enum_nocreate", 'postgresql.ENUM("x", "y", name="e_pg_nocreate", create_type=False)'),
    ("sa_char", "sa.CHAR(3)"), ("sa_char_bare", "sa.CHAR()"), ("sa_varchar", "sa.VARCHAR(10)"),
    ("sa_nchar", "sa.NCHAR(4)"), ("sa_nvarchar", "sa.NVARCHAR(5)"),
    ("sa_timestamp", "sa.TIMESTAMP()"), ("sa_timestamp_tz", "sa.TIMESTAMP(timezone=True)"),
    ("sa_integer", "sa.INTEGER()"), ("sa_bigint", "sa.BIGINT()"), ("sa_smallint", "sa.SMALLINT()"),
    ("sa_text", "sa.TEXT()"), ("sa_boolean", "sa.BOOLEAN()"), ("sa_float", "sa.FLOAT()"), ("sa_real", "sa.REAL()"),
    ("sa_numeric", "sa.NUMERIC(5, 2)"), ("sa_decimal", "sa.DECIMAL(5, 2)"), ("sa_date", "sa.DATE()"),
    ("sa_time", "sa.TIME()"), ("sa_datetime_upper", "sa.DATETIME()"), ("sa_clob", "sa.CLOB()"),
    ("sa_blob", "sa.BLOB()"), ("sa_binary", "sa.BINARY(4)"), ("sa_varbinary", "sa.VARBINARY(4)"),
    ("sa_json_upper", "sa.JSON()"), ("pg_uuid_upper", "postgresql.UUID(as_uuid=True)"),
    ("sqlalchemy_prefix", "sqlalchemy.Integer()"), ("pickle", "sa.PickleType()"),
]
for slug, t in TYPES:
    table(slug, t)

# Column options in create_table
COLS = [
    ("notnull", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), nullable=False)'),
    ("nullable_true", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), nullable=True)'),
    ("pk_inline", 'sa.Column("id", sa.Integer(), primary_key=True)'),
    ("pk_bigint", 'sa.Column("id", sa.BigInteger(), primary_key=True)'),
    ("pk_smallint", 'sa.Column("id", sa.SmallInteger(), primary_key=True)'),
    ("pk_noauto", 'sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False)'),
    ("pk_auto_true", 'sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True)'),
    ("pk_string", 'sa.Column("code", sa.String(8), primary_key=True)'),
    ("pk_uuid", 'sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True)'),
    ("pk_composite", 'sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.Integer(), primary_key=True)'),
    ("pk_composite_mixed", 'sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.String(3), primary_key=True)'),
    ("pk_table_composite", 'sa.Column("a", sa.Integer(), nullable=False), sa.Column("b", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("a", "b")'),
    ("pk_table_named", 'sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name="pk_thing")'),
    ("pk_table_opf", 'sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f("pk_t_opf"))'),
    ("pk_integer_upper", 'sa.Column("id", sa.INTEGER(), primary_key=True)'),
    ("pk_autoinc_bigint_upper", 'sa.Column("id", sa.BIGINT(), primary_key=True)'),
    ("unique_col", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(100), unique=True)'),
    ("index_col", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(100), index=True)'),
    ("index_unique_col", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.String(100), index=True, unique=True)'),
    ("default_str", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), server_default="x")'),
    ("default_str_quote", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), server_default="it\'s")'),
    ("default_str_backslash", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.String(10), server_default="a\\\\b")'),
    ("default_str_int", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), server_default="0")'),
    ("default_text", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.DateTime(), server_default=sa.text("now()"))'),
    ("default_text_false", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Boolean(), server_default=sa.text("false"))'),
    ("default_func_now", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.DateTime(timezone=True), server_default=sa.func.now())'),
    ("default_func_current_timestamp", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.DateTime(), server_default=sa.func.current_timestamp())'),
    ("default_and_notnull", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Boolean(), server_default=sa.text("true"), nullable=False)'),
    ("python_default", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), default=5)'),
    ("col_comment", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), comment="the v")'),
    ("col_comment_quote", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), comment="it\'s v")'),
    ("col_comment_two", 'sa.Column("id", sa.Integer(), primary_key=True, comment="key"), sa.Column("v", sa.Integer(), comment="val")'),
    ("identity", 'sa.Column("id", sa.Integer(), sa.Identity(), primary_key=True)'),
    ("identity_always", 'sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True)'),
    ("identity_opts", 'sa.Column("id", sa.Integer(), sa.Identity(start=10, increment=5), primary_key=True)'),
    ("identity_more", 'sa.Column("id", sa.Integer(), sa.Identity(always=False, start=1, increment=1, minvalue=1, maxvalue=1000, cycle=True, cache=10), nullable=False), sa.PrimaryKeyConstraint("id")'),
    ("computed", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer(), sa.Computed("a * 2"))'),
    ("computed_persisted", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer(), sa.Computed("a + 1", persisted=True))'),
    ("col_fk", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id"))'),
    ("col_fk_opts", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", ondelete="CASCADE", onupdate="SET NULL"))'),
    ("col_fk_named", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", name="fk_child_parent"), nullable=False)'),
    ("col_fk_schema", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("other.parent.id"))'),
    ("col_fk_deferrable", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("parent_id", sa.Integer(), sa.ForeignKey("parent.id", deferrable=True, initially="DEFERRED"))'),
    ("reserved_names", 'sa.Column("user", sa.Integer(), primary_key=True), sa.Column("order", sa.String(5)), sa.Column("CamelCase", sa.Integer())'),
    ("fk_table", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer(), nullable=True), sa.ForeignKeyConstraint(["pid"], ["parent.id"]), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_named", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], name="fk_x", ondelete="CASCADE"), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_opts", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], onupdate="CASCADE", ondelete="SET NULL", deferrable=True, initially="IMMEDIATE"), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_notdeferrable", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], deferrable=False), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_match", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], match="FULL"), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_composite", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer()), sa.ForeignKeyConstraint(["a", "b"], ["parent.x", "parent.y"], name=op.f("fk_comp")), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_schema", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["s1.parent.id"]), sa.PrimaryKeyConstraint("id")'),
    ("fk_table_use_alter", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], name="fk_ua", use_alter=True), sa.PrimaryKeyConstraint("id")'),
    ("fk_self", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("parent_id", sa.Integer()), sa.ForeignKeyConstraint(["parent_id"], ["t_fk_self.id"]), sa.PrimaryKeyConstraint("id")'),
    ("unique_table", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("a")'),
    ("unique_table_named", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("a", "b", name="uq_ab")'),
    ("unique_table_deferrable", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.UniqueConstraint("a", name="uq_d", deferrable=True, initially="DEFERRED")'),
    ("check_table", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint("a > 0")'),
    ("check_table_named", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint("a > 0", name="ck_a")'),
    ("check_table_text", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint(sa.text("a < 100"), name="ck_text")'),
    ("check_table_quote", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("s", sa.String(5)), sa.PrimaryKeyConstraint("id"), sa.CheckConstraint("s <> \'x\'", name="ck_q")'),
    ("constraint_order", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("a", sa.Integer()), sa.Column("pid", sa.Integer()), sa.CheckConstraint("a > 0", name="ck_o"), sa.UniqueConstraint("a", name="uq_o"), sa.ForeignKeyConstraint(["pid"], ["parent.id"], name="fk_o"), sa.PrimaryKeyConstraint("id", name="pk_o")'),
    ("no_columns_pk", 'sa.Column("a", sa.Integer()), sa.Column("b", sa.Text())'),
    ("table_comment", 'sa.Column("id", sa.Integer(), primary_key=True), comment="the table"'),
    ("table_comment_and_col", 'sa.Column("id", sa.Integer(), primary_key=True, comment="pk"), comment="it\'s a table"'),
    ("table_index_obj", 'sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer()), sa.Index("ix_tobj_a", "a")'),
    ("many_types", 'sa.Column("id", sa.Integer(), nullable=False), sa.Column("name", sa.String(length=255), nullable=False), sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False), sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=True), sa.PrimaryKeyConstraint("id")'),
]
for slug, cols in COLS:
    t = "t_" + slug
    form("ct_" + slug, f'op.create_table("{t}", {cols})', f'op.drop_table("{t}")')

form("ct_schema", 'op.create_table("t_sch", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), comment="c"), schema="app")', 'op.drop_table("t_sch", schema="app")')
form("ct_schema_enum", 'op.create_table("t_sch_enum", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("m", sa.Enum("p", "q", name="sch_mood")), schema="app")', 'op.drop_table("t_sch_enum", schema="app")')
form("ct_schema_enum_schema", 'op.create_table("t_sch_enum2", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("m", sa.Enum("p", "q", name="sch_mood2", schema="app")), schema="app")', 'op.drop_table("t_sch_enum2", schema="app")')
form("ct_schema_reserved", 'op.create_table("Order", sa.Column("id", sa.Integer(), primary_key=True), schema="user")', 'op.drop_table("Order", schema="user")')
form("ct_schema_index", 'op.create_table("t_sch_ix", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Integer(), index=True), schema="app")', 'op.drop_table("t_sch_ix", schema="app")')
form("ct_two_enums", 'op.create_table("t_two_enums", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Enum("x", name="en_a")), sa.Column("b", postgresql.ENUM("y", "z", name="en_b")))', 'op.drop_table("t_two_enums")')
form("ct_same_enum_twice", 'op.create_table("t_same_enum", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Enum("x", name="en_same")), sa.Column("b", sa.Enum("x", name="en_same")))', 'op.drop_table("t_same_enum")')
form("ct_enum_array", 'op.create_table("t_enum_arr", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", postgresql.ARRAY(sa.Enum("x", "y", name="en_arr"))))', 'op.drop_table("t_enum_arr")')
form("ct_enum_and_index", 'op.create_table("t_enum_ix", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Enum("x", name="en_ix"), index=True, comment="mood"), comment="tbl")', 'op.drop_table("t_enum_ix")')
form("ct_opf_name", 'op.create_table(op.f("t_opf"), sa.Column("id", sa.Integer(), primary_key=True))', 'op.drop_table(op.f("t_opf"))')

# add_column
ADD = [
    ("plain", 'sa.Column("c", sa.String(50), nullable=True)'),
    ("notnull", 'sa.Column("c", sa.Integer(), nullable=False)'),
    ("default_str", 'sa.Column("c", sa.String(5), server_default="n", nullable=False)'),
    ("default_text", 'sa.Column("c", sa.Boolean(), server_default=sa.text("false"), nullable=False)'),
    ("default_func", 'sa.Column("c", sa.DateTime(), server_default=sa.func.now())'),
    ("comment", 'sa.Column("c", sa.Integer(), comment="a comment")'),
    ("enum", 'sa.Column("c", sa.Enum("a", "b", name="add_enum"))'),
    ("pg_enum", 'sa.Column("c", postgresql.ENUM("a", "b", name="add_pg_enum", create_type=False))'),
    ("jsonb", 'sa.Column("c", postgresql.JSONB(astext_type=sa.Text()), nullable=True)'),
    ("array", 'sa.Column("c", postgresql.ARRAY(sa.String()), nullable=True)'),
    ("fk", 'sa.Column("c", sa.Integer(), sa.ForeignKey("parent.id"))'),
    ("fk_named", 'sa.Column("c", sa.Integer(), sa.ForeignKey("parent.id", name="fk_add", ondelete="CASCADE"))'),
    ("unique", 'sa.Column("c", sa.Integer(), unique=True)'),
    ("index", 'sa.Column("c", sa.Integer(), index=True)'),
    ("pk", 'sa.Column("c", sa.Integer(), primary_key=True)'),
    ("identity", 'sa.Column("c", sa.Integer(), sa.Identity())'),
    ("computed", 'sa.Column("c", sa.Integer(), sa.Computed("id * 2"))'),
    ("reserved", 'sa.Column("select", sa.Text())'),
    ("uuid", 'sa.Column("c", postgresql.UUID(as_uuid=True), nullable=False)'),
    ("numeric", 'sa.Column("c", sa.Numeric(12, 2), server_default="0", nullable=False)'),
]
for slug, col in ADD:
    form("add_" + slug, f'op.add_column("base_t", {col})', 'op.drop_column("base_t", "c")' if slug != "reserved" else 'op.drop_column("base_t", "select")')
form("add_schema", 'op.add_column("base_t", sa.Column("c", sa.Integer(), comment="x"), schema="app")', 'op.drop_column("base_t", "c", schema="app")')
form("add_kw_column", 'op.add_column(table_name="base_t", column=sa.Column("c", sa.Integer()))', 'op.drop_column(table_name="base_t", column_name="c")')

# alter_column
ALTER = [
    ("type", 'type_=sa.String(100)'),
    ("type_existing", 'type_=sa.Text(), existing_type=sa.String(50), existing_nullable=True'),
    ("type_using", 'type_=sa.Integer(), postgresql_using="c::integer"'),
    ("nullable_false", 'nullable=False'),
    ("nullable_true", 'nullable=True'),
    ("nullable_existing", 'existing_type=sa.String(50), nullable=False, existing_server_default=sa.text("1")'),
    ("default_str", 'server_default="x"'),
    ("default_text", 'server_default=sa.text("now()")'),
    ("default_func", 'server_default=sa.func.now()'),
    ("default_none", 'server_default=None'),
    ("default_false", 'server_default=False'),
    ("rename", 'new_column_name="d"'),
    ("rename_reserved", 'new_column_name="order"'),
    ("comment", 'comment="new comment"'),
    ("comment_none", 'comment=None'),
    ("comment_existing", 'comment="c2", existing_comment="c1"'),
    ("all", 'type_=sa.BigInteger(), nullable=False, server_default="0", comment="all", new_column_name="e", existing_type=sa.Integer()'),
    ("schema", 'nullable=False, schema="app"'),
    ("type_schema_using", 'type_=postgresql.JSONB(), postgresql_using="c::jsonb", schema="app"'),
    ("type_enum", 'type_=sa.Enum("a", "b", name="alter_enum")'),
    ("nothing", 'existing_type=sa.Integer()'),
    ("type_datetime_tz", 'type_=sa.DateTime(timezone=True), existing_type=sa.DateTime()'),
]
for slug, kw in ALTER:
    form("alter_" + slug, f'op.alter_column("base_t", "c", {kw})', 'op.alter_column("base_t", "c", existing_type=sa.Integer())')

# constraints, tables, comments, indexes
form("uq", 'op.create_unique_constraint("uq_base_a", "base_t", ["a"])', 'op.drop_constraint("uq_base_a", "base_t", type_="unique")')
form("uq_multi", 'op.create_unique_constraint("uq_base_ab", "base_t", ["a", "b"])', 'op.drop_constraint("uq_base_ab", "base_t")')
form("uq_none", 'op.create_unique_constraint(None, "base_t", ["a"])', 'op.drop_constraint("base_t_a_key", "base_t")')
form("uq_opf", 'op.create_unique_constraint(op.f("uq_opf"), "base_t", ["a"], schema="app")', 'op.drop_constraint(op.f("uq_opf"), "base_t", schema="app")')
form("uq_deferrable", 'op.create_unique_constraint("uq_def", "base_t", ["a"], deferrable=True, initially="DEFERRED")', 'op.drop_constraint("uq_def", "base_t")')
form("uq_kw", 'op.create_unique_constraint(constraint_name="uq_kw", table_name="base_t", columns=["a"])', 'op.drop_constraint("uq_kw", "base_t")')
form("ck", 'op.create_check_constraint("ck_base_a", "base_t", "a > 0")', 'op.drop_constraint("ck_base_a", "base_t", type_="check")')
form("ck_text", 'op.create_check_constraint("ck_base_t", "base_t", sa.text("a < 10"))', 'op.drop_constraint("ck_base_t", "base_t")')
form("ck_quote", 'op.create_check_constraint("ck_base_q", "base_t", "name <> \'\'")', 'op.drop_constraint("ck_base_q", "base_t")')
form("ck_schema", 'op.create_check_constraint("ck_sch", "base_t", "a > 0", schema="app")', 'op.drop_constraint("ck_sch", "base_t", schema="app")')
form("ck_percent", 'op.create_check_constraint("ck_pct", "base_t", "name LIKE \'a%\'")', 'op.drop_constraint("ck_pct", "base_t")')
form("pk", 'op.create_primary_key("pk_base", "base_t", ["id"])', 'op.drop_constraint("pk_base", "base_t", type_="primary")')
form("pk_multi", 'op.create_primary_key("pk_base2", "base_t", ["a", "b"], schema="app")', 'op.drop_constraint("pk_base2", "base_t", schema="app")')
form("rename_table", 'op.rename_table("base_t", "base_t2")', 'op.rename_table("base_t2", "base_t")')
form("rename_table_schema", 'op.rename_table("base_t", "Base T", schema="app")', 'op.rename_table("Base T", "base_t", schema="app")')
form("table_comment", 'op.create_table_comment("base_t", "the comment")', 'op.drop_table_comment("base_t")')
form("table_comment_quote", 'op.create_table_comment("base_t", "it\'s", existing_comment="old", schema="app")', 'op.drop_table_comment("base_t", existing_comment="it\'s", schema="app")')
form("drop_table_schema", 'op.drop_table("gone", schema="app")', 'op.create_table("gone", sa.Column("id", sa.Integer(), primary_key=True), schema="app")')
form("drop_table_kw", 'op.drop_table(table_name="gone2")', 'op.create_table("gone2", sa.Column("id", sa.Integer(), primary_key=True))')
form("ix_text", 'op.create_index("ix_lower", "base_t", [sa.text("lower(name)")])', 'op.drop_index("ix_lower", table_name="base_t")')
form("ix_mixed", 'op.create_index("ix_mixed", "base_t", ["a", sa.text("lower(name)")])', 'op.drop_index("ix_mixed", "base_t")')
form("ix_where", 'op.create_index("ix_where", "base_t", ["a"], postgresql_where=sa.text("a > 0"))', 'op.drop_index("ix_where")')
form("ix_using", 'op.create_index("ix_gin", "base_t", ["data"], postgresql_using="gin")', 'op.drop_index("ix_gin")')
form("ix_include", 'op.create_index("ix_inc", "base_t", ["a"], postgresql_include=["b", "c"])', 'op.drop_index("ix_inc")')
form("ix_concurrently", 'op.create_index("ix_conc", "base_t", ["a"], postgresql_concurrently=True)', 'op.drop_index("ix_conc", postgresql_concurrently=True)')
form("ix_all", 'op.create_index("ix_all", "base_t", ["a"], unique=True, postgresql_using="btree", postgresql_where=sa.text("b IS NULL"), postgresql_include=["c"], postgresql_concurrently=True, schema="app")', 'op.drop_index("ix_all", schema="app")')
form("ix_opf", 'op.create_index(op.f("ix_base_t_a"), "base_t", ["a"], unique=False)', 'op.drop_index(op.f("ix_base_t_a"), table_name="base_t")')
form("ix_desc", 'op.create_index("ix_desc", "base_t", [sa.text("a DESC")])', 'op.drop_index("ix_desc")')
form("ix_ops", 'op.create_index("ix_ops", "base_t", ["name"], postgresql_ops={"name": "text_pattern_ops"})', 'op.drop_index("ix_ops")')
form("ix_with", 'op.create_index("ix_with", "base_t", ["a"], postgresql_with={"fillfactor": 50})', 'op.drop_index("ix_with")')
form("ix_if_not_exists", 'op.create_index("ix_ine", "base_t", ["a"], if_not_exists=True)', 'op.drop_index("ix_ine", if_exists=True)')
form("fk_schema", 'op.create_foreign_key("fk_s", "child", "parent", ["pid"], ["id"], source_schema="app", referent_schema="core")', 'op.drop_constraint("fk_s", "child", schema="app", type_="foreignkey")')
form("fk_deferrable", 'op.create_foreign_key("fk_d", "child", "parent", ["pid"], ["id"], deferrable=True, initially="DEFERRED")', 'op.drop_constraint("fk_d", "child", type_="foreignkey")')
form("fk_match", 'op.create_foreign_key("fk_m", "child", "parent", ["pid"], ["id"], match="FULL")', 'op.drop_constraint("fk_m", "child")')
form("fk_none", 'op.create_foreign_key(None, "child", "parent", ["pid"], ["id"])', 'op.drop_constraint("child_pid_fkey", "child")')
form("fk_opf", 'op.create_foreign_key(op.f("fk_child_pid_parent"), "child", "parent", ["pid"], ["id"], onupdate="CASCADE")', 'op.drop_constraint(op.f("fk_child_pid_parent"), "child", type_="foreignkey")')
form("execute_inline_literal", 'op.execute("SELECT 1")', 'op.execute(sa.text("SELECT 2"))')

# bulk_insert
form("bulk_sa_table", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.String()), sa.column("score", sa.Float()), sa.column("ok", sa.Boolean())), [{"id": 1, "name": "a", "score": 1.5, "ok": True}, {"id": 2, "name": "it\'s", "score": 2.0, "ok": False}, {"id": 3, "name": None, "score": None, "ok": None}])', 'op.execute("DELETE FROM bt")')
form("bulk_missing_keys", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.String())), [{"id": 1}, {"name": "x"}, {"name": "y", "id": 3}])', 'op.execute("DELETE FROM bt")')
form("bulk_text_cols", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.Text()), sa.column("code", sa.String(5)), sa.column("n", sa.BigInteger()), sa.column("amount", sa.Numeric(10, 2))), [{"id": 1, "name": "x\\\\y", "code": "c", "n": 12345678901, "amount": 2.5}])', 'op.execute("DELETE FROM bt")')
form("bulk_schema", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), schema="app"), [{"id": 1}])', 'op.execute("DELETE FROM app.bt")')
form("bulk_create_table", 'op.create_table("bulk_made", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(20)))\n    op.bulk_insert(sa.table("bulk_made", sa.column("id", sa.Integer()), sa.column("label", sa.String(20))), [{"id": 1, "label": "one"}, {"id": 2, "label": "two"}])', 'op.drop_table("bulk_made")')
form("bulk_reserved", 'op.bulk_insert(sa.table("user", sa.column("order", sa.Integer()), sa.column("Name", sa.String())), [{"order": 1, "Name": "n"}])', 'op.execute("DELETE FROM \\"user\\"")')
form("bulk_empty", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer())), [])', 'op.execute("DELETE FROM bt")')
form("bulk_multiinsert_false", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer())), [{"id": 1}, {"id": 2}], multiinsert=False)', 'op.execute("DELETE FROM bt")')
form("bulk_negative_float", 'op.bulk_insert(sa.table("bt", sa.column("x", sa.Float()), sa.column("i", sa.Integer())), [{"x": 0.1, "i": 0}, {"x": 1e20, "i": 7}])', 'op.execute("DELETE FROM bt")')
form("bulk_bool_int", 'op.bulk_insert(sa.table("bt", sa.column("flag", sa.Boolean()), sa.column("n", sa.Integer())), [{"flag": 1, "n": True}])' + NP, 'op.execute("DELETE FROM bt")')


# forms checked after the first pass
table("pg_varbit_len", "postgresql.BIT(8, varying=True)")
table("pg_array_collate", 'postgresql.ARRAY(sa.String(5, collation="C"))')
table("bare_integer", "sa.Integer")
table("bare_pg_jsonb", "postgresql.JSONB")
table("bare_text", "sa.Text")
table("numeric_scale_only", "sa.Numeric(scale=2)")
form("ct_fk_match_cascade", 'op.create_table("t_fk_mc", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], match="SIMPLE", ondelete="CASCADE", onupdate="RESTRICT", deferrable=True, initially="DEFERRED"), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_fk_mc")')
form("ct_unique_col_and_check", 'op.create_table("t_uq_ck", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer(), unique=True), sa.CheckConstraint("a > 1", name="ck_uq_ck"))', 'op.drop_table("t_uq_ck")')
form("ct_fk_col_and_unique", 'op.create_table("t_fk_uq", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("pid", sa.Integer(), sa.ForeignKey("parent.id")), sa.Column("b", sa.Integer(), unique=True), sa.UniqueConstraint("pid", "b", name="uq_fk_uq"))', 'op.drop_table("t_fk_uq")')
form("ct_default_gen_random_uuid", 'op.create_table("t_dgru", sa.Column("id", postgresql.UUID(as_uuid=True), server_default=sa.func.gen_random_uuid(), nullable=False), sa.Column("d", sa.Date(), server_default=sa.func.current_date()), sa.Column("t", sa.DateTime(), server_default=sa.func.localtimestamp()), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_dgru")')
form("ct_comment_backslash", 'op.create_table("t_cbs", sa.Column("id", sa.Integer(), primary_key=True, comment="a\\\\b"), comment="x\\\\y")', 'op.drop_table("t_cbs")')
form("ct_identity_notpk", 'op.create_table("t_idnp", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("n", sa.BigInteger(), sa.Identity(start=100)))', 'op.drop_table("t_idnp")')
form("ct_pk_with_default", 'op.create_table("t_pkdef", sa.Column("id", sa.Integer(), primary_key=True, server_default=sa.text("1")))', 'op.drop_table("t_pkdef")')
form("ct_pk_python_default", 'op.create_table("t_pkpy", sa.Column("id", sa.Integer(), primary_key=True, default=1))', 'op.drop_table("t_pkpy")')
form("ct_pk_fk", 'op.create_table("t_pkfk", sa.Column("id", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True))', 'op.drop_table("t_pkfk")')
form("ct_pk_table_nullable_explicit", 'op.create_table("t_pkne", sa.Column("id", sa.Integer(), nullable=True), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_pkne")')
form("ct_pk_reversed", 'op.create_table("t_pkrev", sa.Column("a", sa.Integer(), nullable=False), sa.Column("b", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("b", "a"))', 'op.drop_table("t_pkrev")')
form("ct_bare_types", 'op.create_table("t_bare", sa.Column("id", sa.Integer, primary_key=True), sa.Column("n", sa.String(20), nullable=False), sa.Column("at", sa.DateTime, server_default=sa.func.now()), sa.Column("flag", sa.Boolean, server_default=sa.false()))', 'op.drop_table("t_bare")')
form("add_index_schema", 'op.add_column("base_t", sa.Column("c", sa.Integer(), index=True), schema="app")', 'op.drop_column("base_t", "c", schema="app")')
form("add_index_unique", 'op.add_column("base_t", sa.Column("c", sa.Integer(), index=True, unique=True))', 'op.drop_column("base_t", "c")')
form("alter_default_int_str", 'op.alter_column("base_t", "c", server_default="5", existing_type=sa.Integer())', 'op.alter_column("base_t", "c", server_default=None)')
form("alter_type_array", 'op.alter_column("base_t", "c", type_=postgresql.ARRAY(sa.Text()), postgresql_using="ARRAY[c]")', 'op.alter_column("base_t", "c", type_=sa.Text())')
form("bulk_created_table", 't = op.create_table("bulk_t2", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(10)), sa.Column("price", sa.Numeric(8, 2)))\n    op.bulk_insert(t, [{"id": 1, "name": "a", "price": 9.99}, {"id": 2, "name": "b", "price": 10}])', 'op.drop_table("bulk_t2")')
form("bulk_small_floats", 'op.bulk_insert(sa.table("bt", sa.column("x", sa.Float())), [{"x": 1.5e-07}, {"x": 123456789012345678.0}, {"x": 100000.0}, {"x": 0.0001}])', 'op.execute("DELETE FROM bt")')
form("bulk_unicode", 'op.bulk_insert(sa.table("bt", sa.column("s", sa.Unicode(10)), sa.column("t", sa.UnicodeText())), [{"s": "h\\u00e9", "t": "line1\\nline2"}])', 'op.execute("DELETE FROM bt")')

form("ct_default_true", 'op.create_table("t_dtrue", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("flag", sa.Boolean(), server_default=sa.true(), nullable=False))', 'op.drop_table("t_dtrue")')
form("alter_default_false_expr", 'op.alter_column("base_t", "flag", server_default=sa.false())', 'op.alter_column("base_t", "flag", server_default=sa.true())')

form("ix_ops_text_mixed", 'op.create_index("ix_ops2", "base_t", ["name", "a", sa.text("lower(b)")], postgresql_ops={"a": "int4_ops", "name": "varchar_pattern_ops", "zz": "x_ops"})', 'op.drop_index("ix_ops2")')
form("ix_with_two", 'op.create_index("ix_with2", "base_t", ["data"], postgresql_using="GIN", postgresql_with={"fastupdate": "off", "gin_pending_list_limit": 64})', 'op.drop_index("ix_with2")')
form("ix_tablespace", 'op.create_index("ix_ts", "base_t", ["a"], postgresql_tablespace="fast_disk", postgresql_where=sa.text("a > 1"), postgresql_with={"fillfactor": 70})', 'op.drop_index("ix_ts")')
form("ix_tablespace_quoted", 'op.create_index("ix_tsq", "base_t", ["a"], postgresql_tablespace="Fast")', 'op.drop_index("ix_tsq", if_exists=False)')

form("ct_pg_enum_existing", 'op.create_table("t_enum_ex", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("m", postgresql.ENUM(name="existing_mood", create_type=False), nullable=False))', 'op.drop_table("t_enum_ex")')
form("add_pg_enum_existing", 'op.add_column("base_t", sa.Column("m", postgresql.ENUM(name="existing_mood", create_type=False)))', 'op.drop_column("base_t", "m")')
form("ct_sequence", 'op.create_table("t_seq", sa.Column("id", sa.Integer(), sa.Sequence("t_seq_id_seq"), primary_key=True))', 'op.drop_table("t_seq")')
form("ct_info_doc", 'op.create_table("t_info", sa.Column("id", sa.Integer(), primary_key=True, info={"k": "v"}, doc="the id"))', 'op.drop_table("t_info")')
form("bulk_enum", 'op.bulk_insert(sa.table("bt", sa.column("status", sa.Enum("new", "old", name="status"))), [{"status": "new"}, {"status": "old"}])', 'op.execute("DELETE FROM bt")')
form("bulk_large_int", 'op.bulk_insert(sa.table("bt", sa.column("n", sa.BigInteger()), sa.column("f", sa.Float())), [{"n": 9223372036854775807, "f": 3}])', 'op.execute("DELETE FROM bt")')

form("ct_enum_shared_in_step", 'op.create_table("t_shared_a", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("s", sa.Enum("on", "off", name="shared_state")))\n    op.create_table("t_shared_b", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("s", sa.Enum("on", "off", name="shared_state")), sa.Column("t", postgresql.ENUM("x", name="other_state")))', 'op.drop_table("t_shared_b")\n    op.drop_table("t_shared_a")')

# autogenerate-style bodies: several ops, the types autogenerate writes
form("autogen_tables", 'op.create_table("users", sa.Column("id", sa.Integer(), nullable=False), sa.Column("email", sa.String(length=255), nullable=False), sa.Column("role", sa.Enum("admin", "member", name="user_role"), server_default="member", nullable=False), sa.Column("profile", postgresql.JSONB(astext_type=sa.Text()), nullable=True), sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f("pk_users")), sa.UniqueConstraint("email", name=op.f("uq_users_email")))\n'
     '    op.create_index(op.f("ix_users_created_at"), "users", ["created_at"], unique=False)\n'
     '    op.create_table("posts", sa.Column("id", sa.BigInteger(), nullable=False), sa.Column("user_id", sa.Integer(), nullable=False), sa.Column("title", sa.Unicode(length=200), nullable=False), sa.Column("body", sa.UnicodeText(), nullable=True), sa.Column("tags", postgresql.ARRAY(sa.String(length=30)), server_default="{}", nullable=False), sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_posts_user_id_users"), ondelete="CASCADE"), sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")))',
     'op.drop_table("posts")\n    op.drop_index(op.f("ix_users_created_at"), table_name="users")\n    op.drop_table("users")\n    op.execute("DROP TYPE user_role")')
form("autogen_alters", 'op.add_column("users", sa.Column("last_login", postgresql.TIMESTAMP(timezone=True), nullable=True))\n'
     '    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=255), type_=sa.String(length=320), existing_nullable=False)\n'
     '    op.alter_column("posts", "title", existing_type=sa.VARCHAR(length=200), nullable=True, autoincrement=False)\n'
     '    op.drop_constraint("uq_users_email", "users", type_="unique")\n'
     '    op.create_unique_constraint(op.f("uq_users_email_lower"), "users", ["email"])',
     'op.drop_constraint(op.f("uq_users_email_lower"), "users", type_="unique")\n'
     '    op.create_unique_constraint("uq_users_email", "users", ["email"])\n'
     '    op.alter_column("posts", "title", existing_type=sa.VARCHAR(length=200), nullable=False, autoincrement=False)\n'
     '    op.alter_column("users", "email", existing_type=sa.String(length=320), type_=sa.VARCHAR(length=255), existing_nullable=False)\n'
     '    op.drop_column("users", "last_login")')

form("bulk_inline_literal", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer()), sa.column("name", sa.String()), sa.column("j", postgresql.JSONB())), [{"id": op.inline_literal(1), "name": op.inline_literal("it\'s"), "j": op.inline_literal("{}")}, {"id": 2, "name": op.inline_literal(5), "j": None}])', 'op.execute("DELETE FROM bt")')

form("ck_none", 'op.create_check_constraint(None, "base_t", "a > 0")', 'op.drop_constraint("base_t_a_check", "base_t")')
form("pk_none", 'op.create_primary_key(None, "base_t", ["id"])', 'op.drop_constraint("base_t_pkey", "base_t")')

# SQLAlchemy's rules, each against its source (PrimaryKeyConstraint._autoincrement_column,
# PGDDLCompiler.get_column_specification / visit_create_index): a table-level ForeignKeyConstraint
# gives its columns foreign keys as sa.ForeignKey does, autoincrement="ignore_fk" and True override
# that, numeric affinity counts, and postgresql_ops keys a text() expression by its text.
form("ct_pk_fk_table", 'op.create_table("t_pkfkt", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Text()), sa.ForeignKeyConstraint(["id"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_pkfkt")')
form("ct_pk_fk_table_bigint", 'op.create_table("t_pkfktb", sa.Column("id", sa.BigInteger(), primary_key=True), sa.ForeignKeyConstraint(["id"], ["parent.id"], name="fk_pkfktb", ondelete="CASCADE"))', 'op.drop_table("t_pkfktb")')
form("ct_pk_fk_table_use_alter", 'op.create_table("t_pkfkua", sa.Column("id", sa.Integer(), nullable=False), sa.ForeignKeyConstraint(["id"], ["parent.id"], name="fk_pkfkua", use_alter=True), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_pkfkua")')
form("ct_pk_fk_table_ignore_fk", 'op.create_table("t_pkfkig", sa.Column("id", sa.Integer(), nullable=False, autoincrement="ignore_fk"), sa.ForeignKeyConstraint(["id"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_pkfkig")')
form("ct_pk_fk_col_ignore_fk", 'op.create_table("t_pkfkcig", sa.Column("id", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True, autoincrement="ignore_fk"))', 'op.drop_table("t_pkfkcig")')
form("ct_pk_fk_col_auto_true", 'op.create_table("t_pkfkct", sa.Column("id", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True, autoincrement=True))', 'op.drop_table("t_pkfkct")')
form("ct_pk_fk_composite", 'op.create_table("t_pkfkcomp", sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.Integer(), primary_key=True), sa.ForeignKeyConstraint(["a"], ["parent.id"]))', 'op.drop_table("t_pkfkcomp")')
form("ct_pk_composite_auto_true", 'op.create_table("t_pkcat", sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.BigInteger(), primary_key=True, autoincrement=True))', 'op.drop_table("t_pkcat")')
form("ct_pk_numeric", 'op.create_table("t_pknum", sa.Column("id", sa.Numeric(10, 0), primary_key=True))', 'op.drop_table("t_pknum")')
form("ct_pk_float", 'op.create_table("t_pkflt", sa.Column("id", sa.Float(), nullable=False), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_pkflt")')
form("ct_pk_auto_true_default", 'op.create_table("t_pkatd", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True, server_default=sa.text("1")))', 'op.drop_table("t_pkatd")')
form("ct_pk_sequence_fk", 'op.create_table("t_pkseqfk", sa.Column("id", sa.Integer(), sa.Sequence("t_pkseqfk_seq"), nullable=False), sa.ForeignKeyConstraint(["id"], ["parent.id"]), sa.PrimaryKeyConstraint("id"))', 'op.drop_table("t_pkseqfk")')
form("add_pk_fk", 'op.add_column("base_t", sa.Column("c", sa.Integer(), sa.ForeignKey("parent.id"), primary_key=True))', 'op.drop_column("base_t", "c")')
form("ix_ops_text_key", 'op.create_index("ix_cn_trgm", "base_t", [sa.text("lower(cn)")], postgresql_ops={"lower(cn)": "gin_trgm_ops"}, postgresql_using="gin")', 'op.drop_index("ix_cn_trgm", table_name="base_t")')
form("ix_ops_text_and_column", 'op.create_index("ix_cn_two", "base_t", ["a", sa.text("lower(cn)"), sa.text("b DESC")], postgresql_ops={"lower(cn)": "text_pattern_ops", "a": "int4_ops"})', 'op.drop_index("ix_cn_two")')

# keywords of other dialects, which their construct_arguments accept and PostgreSQL ignores
form("ix_other_dialects", 'op.create_index("ix_dk", "base_t", ["a", "b"], unique=True, mysql_length={"a": 10}, mysql_using="btree", mysql_prefix="FULLTEXT", sqlite_where=sa.text("a > 0"))', 'op.drop_index("ix_dk", table_name="base_t", mysql_length=10)')
form("ct_other_dialects", 'op.create_table("t_dk", sa.Column("id", sa.Integer(), primary_key=True, sqlite_on_conflict_primary_key="IGNORE"), sa.Column("v", sa.Text(), sqlite_on_conflict_not_null="FAIL"), mysql_engine="InnoDB", mysql_charset="utf8mb4", sqlite_autoincrement=True)', 'op.drop_table("t_dk")')

# indexes without a name: the default naming convention ix_%(column_0_label)s, truncated with a hash past 63
form("ix_unnamed", 'op.create_index(None, "base_t", ["a"])', 'op.drop_index("ix_base_t_a", table_name="base_t")')
form("ix_unnamed_unique_schema", 'op.create_index(None, "base_t", ["a", "b"], unique=True, schema="app")', 'op.drop_index("ix_app_base_t_a", schema="app")')
form("ix_unnamed_text", 'op.create_index(None, "base_t", [sa.text("lower(b)")], postgresql_using="gin", postgresql_ops={"lower(b)": "gin_trgm_ops"})', 'op.drop_index(op.f("ix_base_t_lower(b)"))')
form("ix_unnamed_quoted", 'op.create_index(None, "Base T", ["Col A"])', 'op.drop_index("ix_Base T_Col A")')
form("ix_unnamed_long", 'op.create_index(None, "a_very_long_table_name_that_goes_on_and_on", ["a_very_long_column_name_too_really"])', 'op.drop_index("ix_a_very_long_table_name_that_goes_on_and_on_a_very_lo_05cb")')
form("ct_index_col_long", 'op.create_table("a_very_long_table_name_that_goes_on_and_on_and_on", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("another_rather_long_column", sa.Integer(), index=True))', 'op.drop_table("a_very_long_table_name_that_goes_on_and_on_and_on")')
form("add_index_col_long", 'op.add_column("a_very_long_table_name_that_goes_on_and_on_and_on", sa.Column("yet_another_long_column_name", sa.Integer(), index=True, unique=True), schema="some_schema")', 'op.drop_column("a_very_long_table_name_that_goes_on_and_on_and_on", "yet_another_long_column_name", schema="some_schema")')

# forms alembic refuses offline: never asked of alembic, Retort must refuse
REFUSED = []


def refused(slug, up, down):
    REFUSED.append((slug, up, down))


refused("bulk_untyped", 'op.bulk_insert(sa.table("bt", sa.column("id"), sa.column("name")), [{"id": 1, "name": "a"}])' + NP, 'op.execute("DELETE FROM bt")')
refused("ct_default_uncalled_func", 'op.create_table("t_duf", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("at", sa.DateTime(), server_default=sa.func.now))' + NP, 'op.drop_table("t_duf")')
refused("bulk_dict_json", 'op.bulk_insert(sa.table("bt", sa.column("d", postgresql.JSONB())), [{"d": {"a": 1}}])' + NP, 'op.execute("DELETE FROM bt")')
refused("bulk_list_array", 'op.bulk_insert(sa.table("bt", sa.column("d", postgresql.ARRAY(sa.Integer()))), [{"d": [1, 2]}])' + NP, 'op.execute("DELETE FROM bt")')
refused("bulk_unknown_key", 'op.bulk_insert(sa.table("bt", sa.column("id", sa.Integer())), [{"nope": 1}])' + NP, 'op.execute("DELETE FROM bt")')
refused("enum_no_name", 'op.create_table("t_enum_noname", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("v", sa.Enum("a", "b")))' + NP, 'op.drop_table("t_enum_noname")')
refused("using_without_type", 'op.alter_column("base_t", "c", postgresql_using="c::int")' + NP, 'op.execute("SELECT 1")')

refused("ix_mysql_unknown", 'op.create_index("ix_mu", "base_t", ["a"], mysql_bogus=1)' + NP, 'op.drop_index("ix_mu")')
refused("ct_mysql_column_unknown", 'op.create_table("t_mcu", sa.Column("id", sa.Integer(), primary_key=True, mysql_charset="x"))' + NP, 'op.drop_table("t_mcu")')


HEADER = '''"""{slug}

Revision ID: {rev}
Revises: {down}
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "{rev}"
down_revision = {down_repr}
branch_labels = None
depends_on = None


def upgrade():
    {up}


def downgrade():
    {down_body}
'''


def write_project(name, forms, prefix):
    root = os.path.join(HERE, name)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "migrations", "versions"))
    shutil.copy(os.path.join(FIXTURES, "alembic.ini"), root)
    for f in ("env.py", "script.py.mako"):
        shutil.copy(os.path.join(FIXTURES, "migrations", f), os.path.join(root, "migrations"))
    down = None
    for i, (slug, up, dn) in enumerate(forms, 1):
        rev = f"{prefix}{i:03d}"
        text = HEADER.format(slug=slug, rev=rev, down=down or "", down_repr=repr(down), up=up, down_body=dn)
        with open(os.path.join(root, "migrations", "versions", f"{rev}_{slug}.py"), "w") as out:
            out.write(text)
        down = rev
    print(f"{name}: {len(forms)} revisions")


if __name__ == "__main__":
    write_project("ddl", FORMS, "d")
    write_project("ddl_refused", REFUSED, "r")
