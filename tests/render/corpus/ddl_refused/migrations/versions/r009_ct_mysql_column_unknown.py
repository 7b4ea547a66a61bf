"""ct_mysql_column_unknown

Revision ID: r009
Revises: r008
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "r009"
down_revision = 'r008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_mcu", sa.Column("id", sa.Integer(), primary_key=True, mysql_charset="x"))  # retort: needs-python


def downgrade():
    op.drop_table("t_mcu")
