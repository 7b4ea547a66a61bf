"""ct_fk_table_use_alter

Revision ID: d157
Revises: d156
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d157"
down_revision = 'd156'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_fk_table_use_alter", sa.Column("id", sa.Integer(), nullable=False), sa.Column("pid", sa.Integer()), sa.ForeignKeyConstraint(["pid"], ["parent.id"], name="fk_ua", use_alter=True), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_fk_table_use_alter")
