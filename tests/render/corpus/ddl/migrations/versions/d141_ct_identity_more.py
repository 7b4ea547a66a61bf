"""ct_identity_more

Revision ID: d141
Revises: d140
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d141"
down_revision = 'd140'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_identity_more", sa.Column("id", sa.Integer(), sa.Identity(always=False, start=1, increment=1, minvalue=1, maxvalue=1000, cycle=True, cache=10), nullable=False), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_identity_more")
