"""ct_pk_table_nullable_explicit

Revision ID: d288
Revises: d287
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d288"
down_revision = 'd287'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkne", sa.Column("id", sa.Integer(), nullable=True), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pkne")
