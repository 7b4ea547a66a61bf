"""Truncated file"""
revision = "bb22"
down_revision = "aa11"


def upgrade():
    op.create_table(
        "t",
        sa.Column("id", sa.Integ