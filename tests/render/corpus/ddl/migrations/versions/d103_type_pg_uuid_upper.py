"""type_pg_uuid_upper

Revision ID: d103
Revises: d102
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d103"
down_revision = 'd102'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pg_uuid_upper", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", postgresql.UUID(as_uuid=True)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pg_uuid_upper")
