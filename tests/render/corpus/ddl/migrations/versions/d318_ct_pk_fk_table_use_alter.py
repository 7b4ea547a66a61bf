"""ct_pk_fk_table_use_alter

Revision ID: d318
Revises: d317
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy
from sqlalchemy.dialects import postgresql

revision = "d318"
down_revision = 'd317'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t_pkfkua", sa.Column("id", sa.Integer(), nullable=False), sa.ForeignKeyConstraint(["id"], ["parent.id"], name="fk_pkfkua", use_alter=True), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_pkfkua")
