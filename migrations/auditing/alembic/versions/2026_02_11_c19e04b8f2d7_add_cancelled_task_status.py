"""Add CANCELLED task status

Revision ID: c19e04b8f2d7
Revises: 7a3c91e0d5b2
Create Date: 2026-02-11 11:19:44.651208

PostgreSQL cannot remove a value from an enum, so the downgrade maps
cancelled tasks to FAILED and rebuilds the type without it.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "c19e04b8f2d7"
down_revision: Union[str, None] = "7a3c91e0d5b2"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_VALUES = ("QUEUED", "PROCESSING", "COMPLETED", "FAILED")


def upgrade() -> None:
    # allowed inside a transaction since PostgreSQL 12 (the value is unusable until commit)
    op.execute("ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'CANCELLED' AFTER 'FAILED'")


def downgrade() -> None:
    op.execute("UPDATE tasks SET status = 'FAILED' WHERE status = 'CANCELLED'")
    op.execute("ALTER TYPE task_status RENAME TO task_status_old")
    old_type = postgresql.ENUM(*OLD_VALUES, name="task_status")
    old_type.create(op.get_bind(), checkfirst=False)
    op.alter_column("tasks", "status", server_default=None)
    op.alter_column(
        "tasks",
        "status",
        existing_type=postgresql.ENUM(*OLD_VALUES, "CANCELLED", name="task_status_old"),
        type_=old_type,
        existing_nullable=False,
        postgresql_using="status::text::task_status",
    )
    op.alter_column("tasks", "status", server_default=sa.text("'QUEUED'::task_status"))
    op.execute("DROP TYPE task_status_old")
