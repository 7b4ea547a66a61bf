"""dyn_method_on_construct

Revision ID: c195
Revises: c194
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c195"
down_revision = 'c194'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.text("SELECT :x").bindparams(x=1))


def downgrade():
    op.execute(sa.text("SELECT :x").bindparams(x=1))
