"""pipe style annotations

Revision ID: 27c6a30d7c24
Revises: ae1027a6acf
Create Date: 2024-01-15 10:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "27c6a30d7c24"
down_revision: str | None = "ae1027a6acf"
branch_labels: str | Sequence[str] | None = ("feature",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account") as batch_op:
        batch_op.alter_column("name", new_column_name="full_name")


def downgrade() -> None:
    with op.batch_alter_table("account") as batch_op:
        batch_op.alter_column("full_name", new_column_name="name")
