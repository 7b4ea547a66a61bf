"""helper_star_columns

Revision ID: c209
Revises: c208
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

def _timestamp_columns():
    """created_at and updated_at."""
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
    ]

revision = "c209"
down_revision = 'c208'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        *_timestamp_columns(),
    )


def downgrade():
    op.drop_table("events")
