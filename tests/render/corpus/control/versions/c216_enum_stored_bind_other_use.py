"""enum_stored_bind_other_use

Revision ID: c216
Revises: c215
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c216"
down_revision = 'c215'
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    sa.Enum("a", name="e4").create(bind)
    bind.execute(sa.text("SELECT 1"))


def downgrade():
    bind = op.get_bind()
    sa.Enum("a", name="e4").create(bind)
    bind.execute(sa.text("SELECT 1"))
