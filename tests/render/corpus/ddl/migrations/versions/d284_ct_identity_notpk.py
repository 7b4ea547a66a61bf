"""ct_identity_notpk

Revision ID: d284
Revises: d283
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d284"
down_revision = 'd283'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_idnp", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("n", sa.BigInteger(), sa.Identity(start=100)))


def downgrade():
    op.drop_table("t_idnp")
