"""for_dict

Revision ID: c139
Revises: c138
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

D = {"a": 1, "b": 2}

revision = "c139"
down_revision = 'c138'
branch_labels = None
depends_on = None


def upgrade():
    for k in D:
        op.execute(f"SELECT '{k}', {D[k]}")


def downgrade():
    for k, v in zip(D, [1, 2]):
        op.execute(f"SELECT '{k}{v}'")
