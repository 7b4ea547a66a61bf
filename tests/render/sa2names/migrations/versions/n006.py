"""postgresql.Integer: only sqlalchemy has Integer

Revision ID: n006
Revises: n005
Create Date: 2026-12-07 07:40:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "n006"
down_revision = "n005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reading", sa.Column("v", postgresql.Integer()))


def downgrade() -> None:
    op.drop_column("reading", "v")
