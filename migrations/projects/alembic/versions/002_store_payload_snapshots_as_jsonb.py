"""Store payload snapshots as JSONB

Revision ID: 002
Revises: 001
Create Date: 2025-11-03 14:30:19.552870

One JSONB payload column replaces config/files/cost_snapshot, and a
(project_id, sha256) unique constraint makes snapshot writes idempotent.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "002"
down_revision: Union[str, None] = "001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        "project_payloads",
        sa.Column(
            "payload",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )
    op.execute(
        "UPDATE project_payloads SET payload = jsonb_build_object("
        "'config', config::jsonb, 'files', files::jsonb, 'cost_snapshot', cost_snapshot::jsonb)"
    )
    op.drop_column("project_payloads", "cost_snapshot")
    op.drop_column("project_payloads", "files")
    op.drop_column("project_payloads", "config")
    op.create_unique_constraint(
        "uq_project_payloads_project_id_sha256", "project_payloads", ["project_id", "sha256"]
    )
    op.create_foreign_key(
        "fk_project_payloads_project_id_projects",
        "project_payloads",
        "projects",
        ["project_id"],
        ["project_id"],
        ondelete="CASCADE",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_project_payloads_project_id_projects", "project_payloads", type_="foreignkey")
    op.drop_constraint("uq_project_payloads_project_id_sha256", "project_payloads", type_="unique")
    op.add_column("project_payloads", sa.Column("config", sa.JSON(), server_default=sa.text("'{}'::json"), nullable=False))
    op.add_column("project_payloads", sa.Column("files", sa.JSON(), server_default=sa.text("'[]'::json"), nullable=False))
    op.add_column(
        "project_payloads",
        sa.Column("cost_snapshot", sa.JSON(), server_default=sa.text("'{}'::json"), nullable=False),
    )
    op.execute(
        "UPDATE project_payloads SET config = (payload -> 'config')::json, "
        "files = (payload -> 'files')::json, cost_snapshot = (payload -> 'cost_snapshot')::json "
        "WHERE payload ? 'config'"
    )
    for column in ("config", "files", "cost_snapshot"):
        op.alter_column("project_payloads", column, server_default=None)
    op.drop_column("project_payloads", "payload")
