"""enum_create_stored_bind

Revision ID: c206
Revises: c205
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c206"
down_revision = 'c205'
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    sa.Enum("a", name="e1").create(bind, checkfirst=False)


def downgrade():
    conn = op.get_bind()
    sa.Enum(name="e1").drop(bind=conn)
