"""type_sa_char_bare

Revision ID: d080
Revises: d079
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d080"
down_revision = 'd079'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_sa_char_bare", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.CHAR()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_sa_char_bare")
