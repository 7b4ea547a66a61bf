"""ct_identity_always

Revision ID: d139
Revises: d138
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d139"
down_revision = 'd138'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_identity_always", sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True))


def downgrade():
    op.drop_table("t_identity_always")
