"""fk_schema

Revision ID: d257
Revises: d256
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d257"
down_revision = 'd256'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_s", "child", "parent", ["pid"], ["id"], source_schema="app", referent_schema="core")


def downgrade():
    op.drop_constraint("fk_s", "child", schema="app", type_="foreignkey")
