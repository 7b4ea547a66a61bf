"""type_sa_date

Revision ID: d095
Revises: d094
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d095"
down_revision = 'd094'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_date", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.DATE()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_date")
