"""ct_pg_enum_existing

Revision ID: d304
Revises: d303
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d304"
down_revision = 'd303'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_enum_ex", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("m", postgresql.ENUM(name="existing_mood", create_type=False), nullable=False))


def downgrade():
    op.drop_table("t_enum_ex")
