"""type_pg_json_astext

Revision ID: d035
Revises: d034
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d035"
down_revision = 'd034'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_json_astext", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.JSON(astext_type=sa.Text())), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_json_astext")
