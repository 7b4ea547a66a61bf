"""pk

Revision ID: d237
Revises: d236
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d237"
down_revision = 'd236'
branch_labels = None
depends_on = None


def upgrade():
    op.create_primary_key("pk_base", "base_t", ["id"])


def downgrade():
    op.drop_constraint("pk_base", "base_t", type_="primary")
