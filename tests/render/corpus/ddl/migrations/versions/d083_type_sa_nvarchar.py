"""type_sa_nvarchar

Revision ID: d083
Revises: d082
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d083"
down_revision = 'd082'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_nvarchar", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.NVARCHAR(5)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_nvarchar")
