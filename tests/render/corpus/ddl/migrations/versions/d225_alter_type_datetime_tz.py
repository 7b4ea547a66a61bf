"""alter_type_datetime_tz

Revision ID: d225
Revises: d224
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d225"
down_revision = 'd224'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("base_t", "c", type_=sa.DateTime(timezone=True), existing_type=sa.DateTime())


def downgrade():
    op.alter_column("base_t", "c", existing_type=sa.Integer())
