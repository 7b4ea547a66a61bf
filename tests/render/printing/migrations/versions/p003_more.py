"""print between ops, no module-level print

Revision ID: p003
Revises: p002
Create Date: 2026-12-07 07:02:00

"""
from alembic import op

revision = "p003"
down_revision = "p002"
branch_labels = None
depends_on = None


def helper():
    print("-- not printed at import")


def upgrade() -> None:
    op.execute("UPDATE item SET name = 'a'")
    print("-- p003 printed", 3, "words")


def downgrade() -> None:
    print("-- p003 undo")
    op.execute("UPDATE item SET name = NULL")
