"""ct_many_types

Revision ID: d171
Revises: d170
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d171"
down_revision = 'd170'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_many_types", sa.Column("id", sa.Integer(), nullable=False), sa.Column("name", sa.String(length=255), nullable=False), sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False), sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=True), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_many_types")
