"""ct_fk_table_schema

Revision ID: d156
Revises: d155
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d156"
down_revision = 'd155'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_schema", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["s1.parent.id"]), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_schema")
