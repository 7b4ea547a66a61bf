"""enum_create_keywords

Revision ID: c203
Revises: c202
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

from sqlalchemy.dialects import postgresql

revision = "c203"
down_revision = 'c202'
branch_labels = None
depends_on = None


def upgrade():
    postgresql.ENUM("low", "high", name="level", schema="audit").create(bind=op.get_bind())
    sa.Enum("a", name="tier").create(op.get_bind(), True)


def downgrade():
    sa.Enum(name="tier").drop(op.get_bind())
    postgresql.ENUM(name="level", schema="audit", create_type=False).drop(bind=op.get_bind(), checkfirst=True)
