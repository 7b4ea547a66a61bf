"""type_unicode_text

Revision ID: d011
Revises: d010
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d011"
down_revision = 'd010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_unicode_text", sa.Column("id", sa.Integer(), nullable=False), sa.Column("v", sa.UnicodeText()), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_unicode_text")
