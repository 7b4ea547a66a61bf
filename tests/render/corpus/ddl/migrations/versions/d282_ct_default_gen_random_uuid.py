"""ct_default_gen_random_uuid

Revision ID: d282
Revises: d281
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d282"
down_revision = 'd281'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_dgru", sa.Column("id", postgresql.UUID(as_uuid=True), server_default=sa.func.gen_random_uuid(), nullable=False), sa.Column("d", sa.Date(), server_default=sa.func.current_date()), sa.Column("t", sa.DateTime(), server_default=sa.func.localtimestamp()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_dgru")
