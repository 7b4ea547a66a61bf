"""enum_create_not_native

Revision ID: c208
Revises: c207
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c208"
down_revision = 'c207'
branch_labels = None
depends_on = None


def upgrade():
    sa.Enum("a", "b", name="e3", native_enum=False).create(op.get_bind())


def downgrade():
    sa.Enum("a", "b", name="e3", native_enum=False).create(op.get_bind())
