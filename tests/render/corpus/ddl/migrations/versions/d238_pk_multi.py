"""pk_multi

Revision ID: d238
Revises: d237
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d238"
down_revision = 'd237'
branch_labels = None
depends_on = None


def upgrade():
    op.create_primary_key("pk_base2", "base_t", ["a", "b"], schema="app")


def downgrade():
    op.drop_constraint("pk_base2", "base_t", schema="app")
