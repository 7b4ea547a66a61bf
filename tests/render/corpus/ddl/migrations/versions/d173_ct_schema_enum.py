"""ct_schema_enum

Revision ID: d173
Revises: d172
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d173"
down_revision = 'd172'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sch_enum", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("m", sa.Enum("p", "q", name="sch_mood")), schema="app")


def downgrade():
    op.drop_table("t_sch_enum", schema="app")
