"""lit_non_ascii

Revision ID: c010
Revises: c009
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c010"
down_revision = 'c009'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('SELECT \'héllo wörld ✓\'')


def downgrade():
    op.execute("COMMENT ON TABLE t IS 'ÿ€'")
