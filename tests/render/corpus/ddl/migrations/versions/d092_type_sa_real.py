"""type_sa_real

Revision ID: d092
Revises: d091
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d092"
down_revision = 'd091'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_real", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.REAL()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_real")
