"""Track request ids in audit_logs

Revision ID: 9b52e1c8f3a6
Revises: d2f6b8a0c417
Create Date: 2025-11-12 15:26:11.780954

ip_address becomes INET so the audit screen can filter by subnet.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "9b52e1c8f3a6"
down_revision: Union[str, None] = "d2f6b8a0c417"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("audit_logs", sa.Column("request_id", postgresql.UUID(as_uuid=True), nullable=True))
    op.add_column("audit_logs", sa.Column("user_agent", sa.Text(), nullable=True))
    op.alter_column(
        "audit_logs",
        "ip_address",
        existing_type=sa.String(length=50),
        type_=postgresql.INET(),
        existing_nullable=True,
        postgresql_using="ip_address::inet",
    )
    op.create_index(
        "uq_audit_logs_request_action",
        "audit_logs",
        ["request_id", "action"],
        unique=True,
        postgresql_where=sa.text("request_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_audit_logs_request_action", table_name="audit_logs")
    op.alter_column(
        "audit_logs",
        "ip_address",
        existing_type=postgresql.INET(),
        type_=sa.String(length=50),
        existing_nullable=True,
        postgresql_using="host(ip_address)",
    )
    op.drop_column("audit_logs", "user_agent")
    op.drop_column("audit_logs", "request_id")
