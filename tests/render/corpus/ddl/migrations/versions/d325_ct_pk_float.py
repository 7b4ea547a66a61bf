"""ct_pk_float

Revision ID: d325
Revises: d324
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d325"
down_revision = 'd324'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkflt", sa.Column("id", sa.Float(), nullable=False), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pkflt")
