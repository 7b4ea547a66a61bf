"""type_text_collation

Revision ID: d009
Revises: d008
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d009"
down_revision = 'd008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_text_collation", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.Text(collation="en_US")), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_text_collation")
