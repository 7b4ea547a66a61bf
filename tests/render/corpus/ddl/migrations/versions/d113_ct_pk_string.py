"""ct_pk_string

Revision ID: d113
Revises: d112
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d113"
down_revision = 'd112'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_string", sa.Column("code", sa.String(8), primary_key=True))


def downgrade():
    op.drop_table("t_pk_string")
