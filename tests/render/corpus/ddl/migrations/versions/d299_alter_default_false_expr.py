"""alter_default_false_expr

Revision ID: d299
Revises: d298
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d299"
down_revision = 'd298'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "flag", server_default=sa.false())


def downgrade():
    op.alter_column("base_t", "flag", server_default=sa.true())
