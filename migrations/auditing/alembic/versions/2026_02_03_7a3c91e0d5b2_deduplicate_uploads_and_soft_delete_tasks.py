"""Deduplicate uploads and soft-delete tasks

Revision ID: 7a3c91e0d5b2
Revises: 0003
Create Date: 2026-02-03 13:48:30.075519

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = "7a3c91e0d5b2"
down_revision: Union[str, None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("tasks", sa.Column("file_sha256", sa.String(length=64), nullable=True))
    op.add_column("tasks", sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    op.create_unique_constraint("uq_tasks_user_id_file_sha256", "tasks", ["user_id", "file_sha256"])
    op.create_index(
        "ix_tasks_user_id_active",
        "tasks",
        ["user_id", "created_at"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_tasks_user_id_active", table_name="tasks")
    op.drop_constraint("uq_tasks_user_id_file_sha256", "tasks", type_="unique")
    op.drop_column("tasks", "deleted_at")
    op.drop_column("tasks", "file_sha256")
