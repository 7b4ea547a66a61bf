"""Add composite performance indexes

Revision ID: 7e3b9f0a2c65
Revises: e07f5b3d2a19
Create Date: 2025-10-06 10:21:09.301774

Query patterns from api/app/routes/query.py: time-range scans per
organisation, per-user history, "which calls carried this tag" lookups
in the JSONB metadata, and the audit screen.  The daily_user_agg index
needs the reporting branch, hence depends_on.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "7e3b9f0a2c65"
down_revision = "e07f5b3d2a19"
branch_labels = None
depends_on = "b6f04d8c3e52"


def upgrade() -> None:
    # time-range queries per org; INCLUDE lets the dashboard sums run index-only
    op.create_index(
        "idx_events_org_ts",
        "events_enriched",
        ["org_id", "ts"],
        unique=False,
        postgresql_include=["kwh", "water_l", "co2_kg"],
    )
    op.create_index(
        "idx_events_user_ts_desc",
        "events_enriched",
        ["user_id", sa.text("ts DESC")],
        unique=False,
    )
    op.create_index(
        "idx_events_model",
        "events_enriched",
        ["provider", "model"],
        unique=False,
        postgresql_where=sa.text("model IS NOT NULL"),
    )
    op.create_index(
        "idx_events_metadata_gin",
        "events_enriched",
        ["metadata"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"metadata": "jsonb_path_ops"},
    )
    op.create_index("idx_daily_user_agg_org_date", "daily_user_agg", ["org_id", "date"], unique=False)
    op.create_index("idx_audit_logs_org_timestamp", "audit_logs", ["org_id", "timestamp"], unique=False)
    op.create_index(
        "idx_audit_logs_resource",
        "audit_logs",
        ["resource_type", "resource_id"],
        unique=False,
        postgresql_where=sa.text("resource_type IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("idx_audit_logs_resource", table_name="audit_logs")
    op.drop_index("idx_audit_logs_org_timestamp", table_name="audit_logs")
    op.drop_index("idx_daily_user_agg_org_date", table_name="daily_user_agg")
    op.drop_index("idx_events_metadata_gin", table_name="events_enriched")
    op.drop_index("idx_events_model", table_name="events_enriched")
    op.drop_index("idx_events_user_ts_desc", table_name="events_enriched")
    op.drop_index("idx_events_org_ts", table_name="events_enriched")
