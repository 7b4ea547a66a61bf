"""uq_opf

Revision ID: d229
Revises: d228
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d229"
down_revision = 'd228'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint(op.f("uq_opf"), "base_t", ["a"], schema="app")


def downgrade():
    op.drop_constraint(op.f("uq_opf"), "base_t", schema="app")
