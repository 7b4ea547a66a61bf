"""enum_create_quoted

Revision ID: c204
Revises: c203
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c204"
down_revision = 'c203'
branch_labels = None
depends_on = None


def upgrade():
    mood = sa.Enum("it's", "ok", "Big Value", name="Mood")
    mood.create(op.get_bind(), checkfirst=False)


def downgrade():
    sa.Enum(name="Mood").drop(op.get_bind(), checkfirst=False)
