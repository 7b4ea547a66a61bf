"""Initial schema: job, result, artifact

Revision ID: 001
Revises: 
Create Date: 2025-10-20 18:03:12.447120

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "job",
        sa.Column("id", postgresql.UUID(as_uuid=True), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("tenant_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("app_id", sa.String(length=100), nullable=False),
        sa.Column("definition", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="queued", nullable=False),
        sa.Column("inputs_hash", sa.String(length=64), nullable=False, comment="SHA-256 of the canonical inputs"),
        sa.Column("payload_json", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("priority", sa.SmallInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'succeeded', 'failed')", name="job_status_check"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("job_status_idx", "job", ["status", "created_at"])
    op.create_index("job_inputs_hash_idx", "job", ["tenant_id", "inputs_hash"], unique=True)
    op.create_index("job_tenant_idx", "job", ["tenant_id"])
    op.create_index("job_app_def_ver_idx", "job", ["app_id", "definition", "version"])

    op.create_table(
        "result",
        sa.Column("id", postgresql.UUID(as_uuid=True), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("job_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("outputs_json", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("score", sa.Numeric(precision=10, scale=4), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", name="result_job_id_key"),
    )
    op.create_index("result_job_id_idx", "result", ["job_id"])

    op.create_table(
        "artifact",
        sa.Column("id", postgresql.UUID(as_uuid=True), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("job_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("artifact_job_id_idx", "artifact", ["job_id"])
    op.create_index(
        "artifact_expires_idx",
        "artifact",
        ["expires_at"],
        postgresql_where=sa.text("expires_at IS NOT NULL"),
    )


def downgrade():
    op.drop_index("artifact_expires_idx", table_name="artifact")
    op.drop_index("artifact_job_id_idx", table_name="artifact")
    op.drop_table("artifact")
    op.drop_index("result_job_id_idx", table_name="result")
    op.drop_table("result")
    op.drop_index("job_app_def_ver_idx", table_name="job")
    op.drop_index("job_tenant_idx", table_name="job")
    op.drop_index("job_inputs_hash_idx", table_name="job")
    op.drop_index("job_status_idx", table_name="job")
    op.drop_table("job")
