"""fk_deferrable

Revision ID: d258
Revises: d257
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d258"
down_revision = 'd257'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_d", "child", "parent", ["pid"], ["id"], deferrable=True, initially="DEFERRED")


def downgrade():
    op.drop_constraint("fk_d", "child", type_="foreignkey")
