"""enum_create_result_used

Revision ID: c207
Revises: c206
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c207"
down_revision = 'c206'
branch_labels = None
depends_on = None


def upgrade():
    made = sa.Enum("a", name="e2").create(op.get_bind(), checkfirst=False)


def downgrade():
    made = sa.Enum("a", name="e2").create(op.get_bind(), checkfirst=False)
