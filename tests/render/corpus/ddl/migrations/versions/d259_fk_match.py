"""fk_match

Revision ID: d259
Revises: d258
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d259"
down_revision = 'd258'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_m", "child", "parent", ["pid"], ["id"], match="FULL")


def downgrade():
    op.drop_constraint("fk_m", "child")
