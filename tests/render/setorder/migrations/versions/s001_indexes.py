"""create_table with several indexes, add_column making several constraints:
alembic emits both groups in Python set order

Revision ID: s001
Revises:
Create Date: 2026-12-07 07:50:00

"""
from alembic import op
import sqlalchemy as sa

revision = "s001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.Text, index=True),
        sa.Column("org", sa.Integer, index=True),
        sa.Column("created", sa.DateTime),
        sa.Index("ix_account_org_created", "org", "created"),
        sa.Index("ix_account_email_org", "email", "org", unique=True),
    )
    op.add_column("account", sa.Column("parent_id", sa.Integer, sa.ForeignKey("account.id"), unique=True))


def downgrade() -> None:
    op.drop_table("account")
