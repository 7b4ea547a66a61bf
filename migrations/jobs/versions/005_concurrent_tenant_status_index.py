"""Concurrent tenant/status index

Revision ID: 005
Revises: 004
Create Date: 2025-11-18 22:11:07.508329

The job table is large in production: build the index CONCURRENTLY so
the queue keeps accepting work, then drop the single-column index it
replaces.  CONCURRENTLY cannot run inside a transaction block.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "005"
down_revision = "004"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            "job_tenant_status_created_idx",
            "job",
            ["tenant_id", "status", sa.text("created_at DESC")],
            postgresql_concurrently=True,
        )
        op.drop_index("job_tenant_idx", table_name="job", postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.create_index("job_tenant_idx", "job", ["tenant_id"], postgresql_concurrently=True)
        op.drop_index("job_tenant_status_created_idx", table_name="job", postgresql_concurrently=True)
