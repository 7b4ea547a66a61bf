"""create a table, printing around it

Revision ID: p001
Revises:
Create Date: 2026-12-07 07:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "p001"
down_revision = None
branch_labels = None
depends_on = None

print("-- module p001")


def upgrade() -> None:
    print("-- creating item")
    op.create_table("item", sa.Column("id", sa.Integer, primary_key=True))
    print("-- created item;", "next: a row")
    op.execute("INSERT INTO item (id) VALUES (1)")
    print("-- p001 done")


def downgrade() -> None:
    op.drop_table("item")
    print("-- dropped item")
