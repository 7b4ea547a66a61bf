"""ct_pk_fk_composite

Revision ID: d322
Revises: d321
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d322"
down_revision = 'd321'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfkcomp", sa.Column("a", sa.Integer(), primary_key=True), sa.Column("b", sa.Integer(), primary_key=True), sa.ForeignKeyConstraint(["a"], ["parent.id"]))


def downgrade():
    op.drop_table("t_pkfkcomp")
