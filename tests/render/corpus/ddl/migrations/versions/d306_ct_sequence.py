"""ct_sequence

Revision ID: d306
Revises: d305
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d306"
down_revision = 'd305'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_seq", sa.Column("id", sa.Integer(), sa.Sequence("t_seq_id_seq"), primary_key=True))


def downgrade():
    op.drop_table("t_seq")
