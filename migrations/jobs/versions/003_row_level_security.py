"""Row-level security — tenant isolation for job, result and artifact

Revision ID: 003
Revises: 002
Create Date: 2025-10-21 15:58:03.992415

The API sets app.tenant_id per request; the worker sets
app.role = 'service_role' and sees every tenant's rows.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = "003"
down_revision = "002"
branch_labels = None
depends_on = None

TABLES = ("job", "result", "artifact")
TENANT = "current_setting('app.tenant_id', true)::uuid"
SERVICE = "current_setting('app.role', true) = 'service_role'"


def upgrade():
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_service_access ON {table} USING ({SERVICE}) WITH CHECK ({SERVICE})")

    op.execute(
        f"CREATE POLICY job_tenant_isolation ON job "
        f"USING (tenant_id = {TENANT}) WITH CHECK (tenant_id = {TENANT})"
    )
    for table in ("result", "artifact"):
        op.execute(
            f"CREATE POLICY {table}_tenant_isolation ON {table} "
            f"USING (EXISTS (SELECT 1 FROM job WHERE job.id = {table}.job_id AND job.tenant_id = {TENANT}))"
        )


def downgrade():
    for table in ("artifact", "result", "job"):
        op.execute(f"DROP POLICY {table}_tenant_isolation ON {table}")
    for table in reversed(TABLES):
        op.execute(f"DROP POLICY {table}_service_access ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
