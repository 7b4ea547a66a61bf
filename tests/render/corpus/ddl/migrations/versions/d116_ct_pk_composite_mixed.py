"""ct_pk_composite_mixed

Revision ID: d116
Revises: d115
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d116"
down_revision = 'd115'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_composite_mixed", sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.String(3), primary_key=True))


def downgrade():
    op.drop_table("t_pk_composite_mixed")
