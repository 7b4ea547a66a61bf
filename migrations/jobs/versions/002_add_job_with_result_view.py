"""Add job_with_result view

Revision ID: 002
Revises: 001
Create Date: 2025-10-21 10:26:40.031856

Used by /jobs/status and /jobs/result.  security_invoker makes the view
respect the row-level security of the tables underneath it.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = "002"
down_revision = "001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE VIEW job_with_result WITH (security_invoker = true) AS
        SELECT j.id AS job_id,
               j.tenant_id,
               j.app_id,
               j.definition,
               j.version,
               j.status,
               j.attempts,
               j.last_error,
               j.created_at,
               j.started_at,
               j.ended_at,
               r.outputs_json,
               r.score
          FROM job j
          LEFT JOIN result r ON r.job_id = j.id
        """
    )


def downgrade():
    op.execute("DROP VIEW job_with_result")
