"""Add daily_usage_summary view

Revision ID: f3a1c7e9d048
Revises: 2d9e6a7b1f80
Create Date: 2025-10-08 13:12:30.449871

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = "f3a1c7e9d048"
down_revision = "2d9e6a7b1f80"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE VIEW daily_usage_summary AS
        SELECT o.date,
               o.org_id,
               o.call_count,
               o.kwh,
               o.water_l,
               o.co2_kg,
               count(u.user_id) AS active_users
          FROM daily_org_agg o
          LEFT JOIN daily_user_agg u
            ON u.date = o.date AND u.org_id = o.org_id
         GROUP BY o.date, o.org_id, o.call_count, o.kwh, o.water_l, o.co2_kg
        """
    )


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS daily_usage_summary")
