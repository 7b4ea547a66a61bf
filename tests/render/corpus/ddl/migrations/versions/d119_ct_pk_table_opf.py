"""ct_pk_table_opf

Revision ID: d119
Revises: d118
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d119"
down_revision = 'd118'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_table_opf", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f("pk_t_opf")))


def downgrade():
    op.drop_table("t_pk_table_opf")
