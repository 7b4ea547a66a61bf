"""ct_pk_autoinc_bigint_upper

Revision ID: d121
Revises: d120
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d121"
down_revision = 'd120'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_autoinc_bigint_upper", sa.Column("id", sa.BIGINT(), primary_key=True))


def downgrade():
    op.drop_table("t_pk_autoinc_bigint_upper")
