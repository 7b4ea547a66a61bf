"""ct_other_dialects

Revision ID: d332
Revises: d331
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d332"
down_revision = 'd331'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_dk", sa.Column("id", sa.Integer(), primary_key=True, sqlite_on_conflict_primary_key="IGNORE"), sa.Column("v", sa.Text(), sqlite_on_conflict_not_null="FAIL"), mysql_engine="InnoDB", mysql_charset="utf8mb4", sqlite_autoincrement=True)


def downgrade():
    op.drop_table("t_dk")
