"""Make "project_events" an append-only audit trail

Revision ID: 003
Revises: 002
Create Date: 2025-11-05 08:47:02.930114

Events are never edited: a trigger rejects UPDATE and DELETE so the
trail stays trustworthy.  Deleting a project leaves its events alone
(no foreign key on purpose).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "003"
down_revision: Union[str, None] = "002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.alter_column(
        "project_events",
        "data",
        existing_type=sa.JSON(),
        type_=postgresql.JSONB(astext_type=sa.Text()),
        existing_nullable=False,
        postgresql_using="data::jsonb",
    )
    op.create_index(
        "ix_project_events_project_id_timestamp",
        "project_events",
        ["project_id", "timestamp"],
        unique=False,
    )
    op.drop_index("ix_project_events_project_id", table_name="project_events")
    op.execute(
        """
        CREATE FUNCTION project_events_reject_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'project_events is append-only (% on event %)', TG_OP, OLD.event_id;
        END;
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER project_events_append_only "
        "BEFORE UPDATE OR DELETE ON project_events "
        "FOR EACH ROW EXECUTE FUNCTION project_events_reject_change()"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP TRIGGER project_events_append_only ON project_events")
    op.execute("DROP FUNCTION project_events_reject_change()")
    op.create_index("ix_project_events_project_id", "project_events", ["project_id"], unique=False)
    op.drop_index("ix_project_events_project_id_timestamp", table_name="project_events")
    op.alter_column(
        "project_events",
        "data",
        existing_type=postgresql.JSONB(astext_type=sa.Text()),
        type_=sa.JSON(),
        existing_nullable=False,
        postgresql_using="data::json",
    )
