"""merge reporting into core

Revision ID: 0c8d4a6f1e93
Revises: 7e3b9f0a2c65, f3a1c7e9d048
Create Date: 2025-10-09 17:30:05.902246

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0c8d4a6f1e93"
down_revision = ("7e3b9f0a2c65", "f3a1c7e9d048")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
