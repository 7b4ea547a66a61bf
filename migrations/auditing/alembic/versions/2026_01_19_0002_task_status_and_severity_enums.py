"""Task status and severity enums

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-19 16:22:05.117642

The status and severity columns were free text; a typo ("COMPLETE")
once left a task invisible to the dashboard.  Both become enum types.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

task_status = postgresql.ENUM("QUEUED", "PROCESSING", "COMPLETED", "FAILED", name="task_status")
finding_severity = sa.Enum("INFO", "WARNING", "ERROR", "CRITICAL", name="finding_severity")


def upgrade() -> None:
    bind = op.get_bind()
    task_status.create(bind, checkfirst=False)
    finding_severity.create(bind, checkfirst=False)

    # the old VARCHAR default cannot be cast to the enum: drop it, convert, put it back
    op.alter_column("tasks", "status", existing_type=sa.String(length=50), server_default=None)
    op.alter_column(
        "tasks",
        "status",
        existing_type=sa.String(length=50),
        type_=task_status,
        existing_nullable=False,
        postgresql_using="status::task_status",
    )
    op.alter_column("tasks", "status", existing_type=task_status, server_default=sa.text("'QUEUED'::task_status"))

    op.execute("UPDATE findings SET severity = upper(severity)")
    op.alter_column(
        "findings",
        "severity",
        existing_type=sa.String(length=50),
        type_=finding_severity,
        existing_nullable=False,
        postgresql_using="severity::finding_severity",
    )


def downgrade() -> None:
    op.alter_column(
        "findings",
        "severity",
        existing_type=finding_severity,
        type_=sa.String(length=50),
        existing_nullable=False,
    )
    op.alter_column("tasks", "status", existing_type=task_status, server_default=None)
    op.alter_column(
        "tasks",
        "status",
        existing_type=task_status,
        type_=sa.String(length=50),
        existing_nullable=False,
    )
    op.alter_column("tasks", "status", existing_type=sa.String(length=50), server_default="QUEUED")

    bind = op.get_bind()
    finding_severity.drop(bind, checkfirst=False)
    task_status.drop(bind, checkfirst=False)
