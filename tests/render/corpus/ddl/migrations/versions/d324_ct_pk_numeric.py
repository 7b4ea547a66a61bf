"""ct_pk_numeric

Revision ID: d324
Revises: d323
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d324"
down_revision = 'd323'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pknum", sa.Column("id", sa.Numeric(10, 0), primary_key=True))


def downgrade():
    op.drop_table("t_pknum")
