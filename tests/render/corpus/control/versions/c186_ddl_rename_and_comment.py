"""ddl_rename_and_comment

Revision ID: c186
Revises: c185
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

T = "things"

revision = "c186"
down_revision = 'c185'
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("old_" + T, T)
    op.create_table_comment(T, f"table {T}")


def downgrade():
    op.drop_table_comment(T)
    op.rename_table(T, "old_" + T)
