"""Require project etag and valid status

Revision ID: 004
Revises: 003
Create Date: 2025-11-10 17:05:36.412907

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "004"
down_revision: Union[str, None] = "003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

STATUSES = ("draft", "estimating", "submitted", "accepted", "rejected")


def upgrade() -> None:
    """Upgrade schema."""
    # backfill rows written before the API started setting an etag
    op.execute("UPDATE projects SET etag = md5(project_id || ':' || updated_at::text) WHERE etag IS NULL")
    op.alter_column(
        "projects",
        "etag",
        existing_type=sa.String(length=64),
        nullable=False,
        server_default=sa.text("md5(random()::text)"),
        existing_comment="optimistic locking token",
    )
    op.create_check_constraint(
        "ck_projects_status",
        "projects",
        "status IN ({})".format(", ".join("'%s'" % s for s in STATUSES)),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("ck_projects_status", "projects", type_="check")
    op.alter_column(
        "projects",
        "etag",
        existing_type=sa.String(length=64),
        nullable=True,
        server_default=None,
        existing_comment="optimistic locking token",
    )
