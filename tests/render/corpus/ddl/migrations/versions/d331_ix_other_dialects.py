"""ix_other_dialects

Revision ID: d331
Revises: d330
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d331"
down_revision = 'd330'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_dk", "base_t", ["a", "b"], unique=True, mysql_length={"a": 10}, mysql_using="btree", mysql_prefix="FULLTEXT", sqlite_where=sa.text("a > 0"))


def downgrade():
    op.drop_index("ix_dk", table_name="base_t", mysql_length=10)
