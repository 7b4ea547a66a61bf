"""ct_pk_uuid

Revision ID: d114
Revises: d113
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d114"
down_revision = 'd113'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pk_uuid", sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True))


def downgrade():
    op.drop_table("t_pk_uuid")
