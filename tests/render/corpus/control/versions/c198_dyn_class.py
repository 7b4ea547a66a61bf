"""dyn_class

Revision ID: c198
Revises: c197
Create Date: 2024-01-01 00:00:00

"""
# retort: needs-python
from alembic import op
import sqlalchemy as sa

revision = "c198"
down_revision = 'c197'
branch_labels = None
depends_on = None


def upgrade():
    class T:
        name = "t"
    op.drop_table(T.name)


def downgrade():
    class T:
        name = "t"
    op.drop_table(T.name)
