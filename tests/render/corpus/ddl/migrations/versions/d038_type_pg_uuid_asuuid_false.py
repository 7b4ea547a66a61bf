"""type_pg_uuid_asuuid_false

Revision ID: d038
Revises: d037
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d038"
down_revision = 'd037'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_uuid_asuuid_false", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.UUID(as_uuid=False)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_uuid_asuuid_false")
