"""helper_sees_module_not_caller

Revision ID: c217
Revises: c216
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

NAME = "module"


def name_of():
    return NAME

revision = "c217"
down_revision = 'c216'
branch_labels = None
depends_on = None


def upgrade():
    NAME = "local"
    op.execute("SELECT '" + name_of() + "', '" + NAME + "'")


def downgrade():
    op.execute(f"SELECT '{name_of()}'")
