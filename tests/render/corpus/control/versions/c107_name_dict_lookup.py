"""name_dict_lookup

Revision ID: c107
Revises: c106
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

D = {"up": "SELECT 1", "down": "SELECT 2"}

revision = "c107"
down_revision = 'c106'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(D["up"])


def downgrade():
    op.execute(D["down"])
