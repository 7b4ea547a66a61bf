"""kw_sqltext

Revision ID: c123
Revises: c122
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "c123"
down_revision = 'c122'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sqltext="SELECT 1")


def downgrade():
    op.execute(sqltext=sa.text("SELECT 2"))
