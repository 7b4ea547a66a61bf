"""ct_schema_enum_schema

Revision ID: d174
Revises: d173
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d174"
down_revision = 'd173'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sch_enum2", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("m", sa.Enum("p", "q", name="sch_mood2", schema="app")), schema="app")


def downgrade():
    op.drop_table("t_sch_enum2", schema="app")
