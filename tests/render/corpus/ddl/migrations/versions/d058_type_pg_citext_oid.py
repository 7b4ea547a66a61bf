"""type_pg_citext_oid

Revision ID: d058
Revises: d057
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d058"
down_revision = 'd057'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_citext_oid", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.OID()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_citext_oid")
